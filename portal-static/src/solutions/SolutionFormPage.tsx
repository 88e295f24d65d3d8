import { useEffect, useState } from 'preact/hooks';
import { etagOf } from '../api/lists';
import { useAction, useFieldErrors, useResource } from '../app/hooks';
import { href, navigate } from '../app/router';
import { useCanWrite } from '../auth/permissions';
import { collectErrors, requiredError } from '../auth/validation';
import { ServiceLinesEditor } from '../catalogue/ServiceLinesEditor';
import { allCategories } from '../catalogue/catalogueApi';
import { draftToValue, emptyLine, lineToDraft, validateLines, type ServiceLineDraft } from '../catalogue/serviceLines';
import { maxLengthError } from '../format/validation';
import { PageHeader } from '../layout/PageHeader';
import { Button } from '../ui/Button';
import { ErrorBanner } from '../ui/ErrorBanner';
import { ConfirmDialog } from '../ui/Modal';
import { RecordStamps } from '../ui/RecordStamps';
import { LoadingBlock } from '../ui/Spinner';
import { Checkbox, TextArea, TextField } from '../ui/Field';
import { toast } from '../ui/Toast';
import { createSolution, deleteSolution, getSolution, updateSolution, type SolutionInput } from './solutionsApi';

export function validateSolution(name: string, lines: readonly ServiceLineDraft[]): Record<string, string> {
  return {
    ...collectErrors({
      name: requiredError(name, 'Informe o nome da solução.') ?? maxLengthError(name.trim(), 100, 'O nome'),
      lines: lines.length === 0 ? 'Inclua pelo menos um serviço na solução.' : null,
    }),
    ...validateLines(lines, 'lines', true),
  };
}

export function solutionInput(name: string, description: string, active: boolean, lines: readonly ServiceLineDraft[]): SolutionInput {
  return {
    name: name.trim(),
    description: description.trim(),
    active,
    lines: lines.map((l) => {
      const v = draftToValue(l);
      return { serviceId: v.serviceId ?? '', description: v.description, categoryId: v.categoryId, quantity: v.quantity, unitPrice: v.unitPrice, discountKind: l.discountKind, discount: v.discount };
    }),
  };
}

/** New solution (no id) or edit: name, description and its service lines. */
export function SolutionFormPage({ id }: { id?: string }) {
  const canWrite = useCanWrite('solutions');
  const existing = useResource((signal) => (id ? getSolution(id, signal) : Promise.resolve(null)), [id]);
  const categories = useResource((signal) => allCategories(signal), []);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [active, setActive] = useState(true);
  const [lines, setLines] = useState<ServiceLineDraft[]>(() => (id ? [] : [emptyLine()]));
  const [deleting, setDeleting] = useState(false);

  useEffect(() => {
    const s = existing.data?.data;
    if (!s) return;
    setName(s.name ?? '');
    setDescription(s.description ?? '');
    setActive(s.active !== false);
    setLines((s.lines ?? []).map((l) => lineToDraft(l)));
  }, [existing.data]);

  const save = useAction(async () => {
    const input = solutionInput(name, description, active, lines);
    if (id) {
      await updateSolution(id, input, existing.data?.etag ?? etagOf(existing.data?.data));
      toast.success('Solução atualizada.');
      existing.reload();
    } else {
      const created = await createSolution(input);
      toast.success('Solução criada.');
      navigate(`/solucoes/${encodeURIComponent(created.id)}`, { replace: true });
    }
  });
  const remove = useAction(async () => {
    if (!id) return;
    await deleteSolution(id, existing.data?.etag ?? null);
    toast.success('Solução excluída.');
    navigate('/solucoes', { replace: true });
  });
  const fields = useFieldErrors(save.error);

  const submit = (e: Event) => {
    e.preventDefault();
    const errors = validateSolution(name, lines);
    fields.setClientErrors(errors);
    if (Object.keys(errors).length === 0) void save.run();
  };

  if (id && existing.loading && !existing.data) return <LoadingBlock />;
  if (id && !existing.data) {
    return (
      <>
        <PageHeader title="Solução" />
        <ErrorBanner error={existing.error} onRetry={existing.reload} />
      </>
    );
  }

  const s = existing.data?.data;
  return (
    <>
      <PageHeader title={id ? (s?.name ?? 'Solução') : 'Nova solução'} description="Os serviços desta solução são copiados para o ticket da oportunidade que a escolher." />
      <p class="breadcrumb">
        <a href={href('/solucoes')}>← Soluções</a>
      </p>
      <ErrorBanner error={save.error} onReload={existing.reload} fieldNames={['name', 'description', ...Object.keys(fields.errors)]} />
      <form class="form card form-wide" noValidate onSubmit={submit}>
        <TextField
          label="Nome"
          name="name"
          value={name}
          onValue={(v) => {
            setName(v);
            fields.clear('name');
          }}
          error={fields.errors['name']}
          maxLength={100}
          disabled={!canWrite}
          required
        />
        <TextArea label="Descrição" name="description" rows={2} value={description} onValue={setDescription} error={fields.errors['description']} disabled={!canWrite} />
        <ServiceLinesEditor
          label="Serviços da solução"
          lines={lines}
          onLines={(next) => {
            setLines(next);
            fields.clear('lines');
          }}
          categories={categories.data ?? []}
          errors={fields.errors}
          prefix="lines"
          onClearError={fields.clear}
        />
        <Checkbox label="Ativa (oferecida nas oportunidades)" checked={active} onValue={setActive} disabled={!canWrite} />
        {s && <RecordStamps createdAt={s.createdAt} createdBy={s.createdBy} updatedAt={s.updatedAt} updatedBy={s.updatedBy} />}
        {canWrite && (
          <div class="form-actions">
            {id && (
              <Button
                variant="ghost"
                class="text-danger form-actions-left"
                onClick={() => {
                  remove.setError(null);
                  setDeleting(true);
                }}
              >
                Excluir solução
              </Button>
            )}
            <Button variant="secondary" onClick={() => navigate('/solucoes')} disabled={save.busy}>
              Cancelar
            </Button>
            <Button type="submit" busy={save.busy}>
              {id ? 'Salvar alterações' : 'Criar solução'}
            </Button>
          </div>
        )}
      </form>
      <ConfirmDialog
        open={deleting}
        title="Excluir solução?"
        message={
          <p>
            A solução <strong>{s?.name}</strong> será excluída. Oportunidades que já a usaram mantêm os serviços copiados.
          </p>
        }
        confirmLabel="Excluir"
        busy={remove.busy}
        error={remove.error}
        onConfirm={() => void remove.run()}
        onCancel={() => setDeleting(false)}
      />
    </>
  );
}
