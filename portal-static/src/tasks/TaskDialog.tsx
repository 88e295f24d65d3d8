import { useEffect, useState } from 'preact/hooks';
import { etagOf } from '../api/lists';
import { useAction, useFieldErrors } from '../app/hooks';
import { useStore } from '../app/store';
import { staffSession } from '../auth/session';
import { searchOpportunities } from '../opportunities/opportunitiesApi';
import { personOptions, usePeople } from '../opportunities/people';
import { Button } from '../ui/Button';
import { ErrorBanner } from '../ui/ErrorBanner';
import { DateField, SelectField, TextArea, TextField } from '../ui/Field';
import { LookupField, type LookupOption } from '../ui/Lookup';
import { Modal } from '../ui/Modal';
import { toast } from '../ui/Toast';
import { taskInput, taskToForm, validateTask, type TaskForm } from './taskFilters';
import { createTask, getTask, updateTask, type Task } from './tasksApi';

export interface TaskDialogProps {
  open: boolean;
  task: Task | null;
  /** Preselected opportunity for a new task. */
  opportunity?: LookupOption | null;
  /** A new task from an opportunity page belongs to it: the field cannot change. */
  lockOpportunity?: boolean;
  onClose: () => void;
  onSaved: () => void;
  onReload?: () => void;
}

export function TaskDialog({ open, task, opportunity, lockOpportunity = false, onClose, onSaved, onReload }: TaskDialogProps) {
  const session = useStore(staffSession);
  const { people } = usePeople();
  const empty = (): TaskForm => ({ subject: '', opportunity: opportunity ?? null, assigneeId: session?.user.id ?? '', dueDate: null, description: '' });
  const [form, setForm] = useState<TaskForm>(empty);
  const save = useAction(async () => {
    if (task) {
      const etag = etagOf(task) ?? (await getTask(task.id)).etag;
      await updateTask(task.id, taskInput(form), etag);
      toast.success('Tarefa atualizada.');
    } else {
      await createTask(taskInput(form));
      toast.success('Tarefa criada.');
    }
    onSaved();
  });
  const fields = useFieldErrors(save.error);

  useEffect(() => {
    if (!open) return;
    setForm(task ? taskToForm(task) : empty());
    save.setError(null);
    fields.setClientErrors({});
  }, [open]);

  const set = <K extends keyof TaskForm>(key: K) => (value: TaskForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    fields.clear(key === 'opportunity' ? 'opportunityId' : key);
  };

  const submit = (e: Event) => {
    e.preventDefault();
    const errors = validateTask(form);
    fields.setClientErrors(errors);
    if (Object.keys(errors).length === 0) void save.run();
  };

  const assignees = personOptions(people, session?.user.id);
  if (form.assigneeId && !assignees.some((a) => a.value === form.assigneeId)) assignees.push({ value: form.assigneeId, label: task?.assigneeName ?? 'Responsável atual' });

  return (
    <Modal
      open={open}
      title={task ? 'Editar tarefa' : 'Nova tarefa'}
      onClose={onClose}
      busy={save.busy}
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={save.busy}>
            Cancelar
          </Button>
          <Button type="submit" form="task-form" busy={save.busy}>
            Salvar
          </Button>
        </>
      }
    >
      <ErrorBanner
        error={save.error}
        fieldNames={['subject', 'opportunityId', 'assigneeId', 'dueDate', 'description']}
        onReload={
          onReload &&
          (() => {
            onReload();
            onClose();
          })
        }
      />
      <form id="task-form" class="form" noValidate onSubmit={submit}>
        <TextField label="Assunto" name="subject" value={form.subject} onValue={set('subject')} error={fields.errors['subject']} maxLength={200} required />
        <LookupField label="Oportunidade" name="opportunityId" value={form.opportunity} onValue={set('opportunity')} search={searchOpportunities} error={fields.errors['opportunityId']} disabled={(lockOpportunity && !task) || task?.origin === 'sales-order'}
          hint={task?.origin === 'sales-order' ? 'Tarefa gerada pelo pedido de venda: continua vinculada à oportunidade do pedido.' : undefined}
        />
        <div class="form-row">
          <SelectField label="Responsável" name="assigneeId" value={form.assigneeId} onValue={set('assigneeId')} options={assignees} placeholder="Ninguém" error={fields.errors['assigneeId']} />
          <DateField label="Vencimento" name="dueDate" value={form.dueDate} onValue={set('dueDate')} error={fields.errors['dueDate']} />
        </div>
        <TextArea label="Descrição" name="description" rows={3} value={form.description} onValue={set('description')} error={fields.errors['description']} />
      </form>
    </Modal>
  );
}
