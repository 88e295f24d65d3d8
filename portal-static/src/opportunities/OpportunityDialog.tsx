import { useEffect, useState } from 'preact/hooks';
import { getAccount, searchAccounts } from '../accounts/accountsApi';
import { etagOf } from '../api/lists';
import { useAction, useFieldErrors, useResource } from '../app/hooks';
import { useStore } from '../app/store';
import { staffSession } from '../auth/session';
import { searchSolutions } from '../solutions/solutionsApi';
import { Button } from '../ui/Button';
import { ErrorBanner } from '../ui/ErrorBanner';
import { DateField, SelectField, TextArea, TextField } from '../ui/Field';
import { LookupField, type LookupOption } from '../ui/Lookup';
import { Modal } from '../ui/Modal';
import { toast } from '../ui/Toast';
import { createOpportunity, updateOpportunity, type Opportunity } from './opportunitiesApi';
import { newOpportunityForm, opportunityInput, opportunityToForm, validateOpportunity, type OpportunityForm } from './opportunityForm';
import { personOptions, usePeople } from './people';

export interface OpportunityDialogProps {
  open: boolean;
  /** The opportunity being edited (header fields), or null for a new one. */
  opportunity: Opportunity | null;
  etag?: string | null;
  stages: readonly { id: string; name: string }[];
  /** Preselected for a new opportunity (e.g. the pipeline's account filter). */
  defaultAccount?: LookupOption | null;
  defaultStageId?: string;
  onClose: () => void;
  onSaved: (saved: Opportunity | undefined) => void;
  onReload?: () => void;
}

const FIELDS = ['title', 'accountId', 'contactId', 'ownerId', 'stageId', 'expectedCloseDate', 'solutionId', 'project', 'notes'];

export function OpportunityDialog({ open, opportunity, etag, stages, defaultAccount, defaultStageId, onClose, onSaved, onReload }: OpportunityDialogProps) {
  const session = useStore(staffSession);
  const { people } = usePeople();
  const [form, setForm] = useState<OpportunityForm>(() => newOpportunityForm({ ownerId: session?.user.id ?? '', stageId: defaultStageId ?? stages[0]?.id ?? '' }));
  const account = useResource((signal) => (open && form.account ? getAccount(form.account.id, signal) : Promise.resolve(null)), [open, form.account?.id]);

  const save = useAction(async () => {
    const input = opportunityInput(form);
    if (opportunity) {
      const saved = await updateOpportunity(opportunity.id, input, etag ?? etagOf(opportunity));
      toast.success('Oportunidade atualizada.');
      onSaved(saved);
    } else {
      // With a solution chosen, the server copies its service lines into the new ticket.
      const created = await createOpportunity(input);
      toast.success('Oportunidade criada.');
      onSaved(created);
    }
  });
  const fields = useFieldErrors(save.error);

  useEffect(() => {
    if (!open) return;
    setForm(
      opportunity
        ? opportunityToForm(opportunity)
        : newOpportunityForm({ ownerId: session?.user.id ?? '', stageId: defaultStageId ?? stages[0]?.id ?? '', account: defaultAccount ?? null }),
    );
    save.setError(null);
    fields.setClientErrors({});
  }, [open]);

  // The dialog can open before the pipeline's stages arrive: a new opportunity then starts in the first stage.
  const firstStageId = defaultStageId ?? stages[0]?.id ?? '';
  useEffect(() => {
    if (open && !opportunity && firstStageId) setForm((f) => (f.stageId ? f : { ...f, stageId: firstStageId }));
  }, [open, opportunity, firstStageId]);

  const set = <K extends keyof OpportunityForm>(key: K) => (value: OpportunityForm[K]) => {
    setForm((f) => ({ ...f, [key]: value, ...(key === 'account' ? { contactId: '' } : {}) }));
    fields.clear(key === 'account' ? 'accountId' : key === 'solution' ? 'solutionId' : key);
  };

  const submit = (e: Event) => {
    e.preventDefault();
    const errors = validateOpportunity(form);
    fields.setClientErrors(errors);
    if (Object.keys(errors).length === 0) void save.run();
  };

  const owners = personOptions(people, session?.user.id);
  // The current owner stays selectable even when the list of people does not include them.
  if (form.ownerId && !owners.some((o) => o.value === form.ownerId)) owners.push({ value: form.ownerId, label: opportunity?.ownerName ?? 'Responsável atual' });
  const contacts = (account.data?.data.contacts ?? []).map((c) => ({ value: c.id, label: c.position ? `${c.name} (${c.position})` : c.name }));
  if (form.contactId && !contacts.some((c) => c.value === form.contactId)) contacts.push({ value: form.contactId, label: opportunity?.contactName ?? 'Contato atual' });

  return (
    <Modal
      open={open}
      title={opportunity ? 'Editar oportunidade' : 'Nova oportunidade'}
      onClose={onClose}
      busy={save.busy}
      size="lg"
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={save.busy}>
            Cancelar
          </Button>
          <Button type="submit" form="opportunity-form" busy={save.busy}>
            {opportunity ? 'Salvar' : 'Criar oportunidade'}
          </Button>
        </>
      }
    >
      <ErrorBanner
        error={save.error}
        fieldNames={FIELDS}
        onReload={
          onReload &&
          (() => {
            onReload();
            onClose();
          })
        }
      />
      <form id="opportunity-form" class="form" noValidate onSubmit={submit}>
        <TextField label="Título" name="title" value={form.title} onValue={set('title')} error={fields.errors['title']} maxLength={200} required hint="Ex.: Manutenção predial - Bloco B." />
        <div class="form-row">
          <LookupField label="Conta" name="accountId" value={form.account} onValue={set('account')} search={searchAccounts} error={fields.errors['accountId']} required />
          <SelectField
            label="Contato"
            name="contactId"
            value={form.contactId}
            onValue={set('contactId')}
            options={contacts}
            placeholder={!form.account ? 'Escolha a conta primeiro' : account.loading ? 'Carregando…' : contacts.length ? 'Nenhum' : 'A conta não tem contatos'}
            disabled={!form.account}
            error={fields.errors['contactId']}
          />
        </div>
        <div class="form-row">
          <SelectField label="Responsável" name="ownerId" value={form.ownerId} onValue={set('ownerId')} options={owners} placeholder="Selecione…" error={fields.errors['ownerId']} required />
          {opportunity ? (
            <DateField label="Previsão de fechamento" name="expectedCloseDate" value={form.expectedCloseDate} onValue={set('expectedCloseDate')} error={fields.errors['expectedCloseDate']} />
          ) : (
            <SelectField
              label="Etapa"
              name="stageId"
              value={form.stageId}
              onValue={set('stageId')}
              options={stages.map((s) => ({ value: s.id, label: s.name }))}
              placeholder="Selecione…"
              error={fields.errors['stageId']}
              required
            />
          )}
        </div>
        {!opportunity && (
          <div class="form-row">
            <DateField label="Previsão de fechamento" name="expectedCloseDate" value={form.expectedCloseDate} onValue={set('expectedCloseDate')} error={fields.errors['expectedCloseDate']} />
            <LookupField
              label="Solução"
              name="solutionId"
              value={form.solution}
              onValue={set('solution')}
              search={searchSolutions}
              error={fields.errors['solutionId']}
              hint="Opcional: os serviços da solução preenchem o ticket."
            />
          </div>
        )}
        <TextField label="Projeto" name="project" value={form.project} onValue={set('project')} error={fields.errors['project']} maxLength={120} hint="Opcional: agrupa oportunidades de um mesmo projeto." />
        <TextArea label="Observações" name="notes" rows={3} value={form.notes} onValue={set('notes')} error={fields.errors['notes']} />
      </form>
    </Modal>
  );
}
