import { useEffect, useState } from 'preact/hooks';
import { etagOf } from '../api/lists';
import { useAction, useFieldErrors, useResource } from '../app/hooks';
import { PageHeader } from '../layout/PageHeader';
import { Button } from '../ui/Button';
import { ErrorBanner, Notice } from '../ui/ErrorBanner';
import { ConfirmDialog } from '../ui/Modal';
import { LoadingBlock } from '../ui/Spinner';
import { toast } from '../ui/Toast';
import { SettingsNav } from './SettingsNav';
import { getPipelineSettings, savePipelineSettings } from './settingsApi';
import { STAGE_NAME_MAX, addStage, moveStage, removeStage, removedStages, renameStage, stagesInput, stagesToDrafts, validateStages, type StageDraft } from './stagesEditor';

/** Etapas do pipeline: add, rename, reorder and remove (confirmed) the kanban's columns. */
export function PipelineSettingsPage() {
  const settings = useResource((signal) => getPipelineSettings(signal), []);
  const [drafts, setDrafts] = useState<StageDraft[]>([]);
  const [removing, setRemoving] = useState<StageDraft | null>(null);

  useEffect(() => {
    if (settings.data) setDrafts(stagesToDrafts(settings.data.data.stages ?? []));
  }, [settings.data]);

  const save = useAction(async () => {
    await savePipelineSettings(stagesInput(drafts), settings.data?.etag ?? etagOf(settings.data?.data));
    toast.success('Etapas do pipeline salvas.');
    settings.reload();
  });
  const fields = useFieldErrors(save.error);

  const submit = (e: Event) => {
    e.preventDefault();
    const errors = validateStages(drafts);
    fields.setClientErrors(errors);
    if (Object.keys(errors).length === 0) void save.run();
  };

  const saved = settings.data?.data.stages ?? [];
  const pendingRemovals = removedStages(saved, drafts);
  const dirty = JSON.stringify(stagesInput(drafts)) !== JSON.stringify(stagesInput(stagesToDrafts(saved)));

  return (
    <>
      <PageHeader title="Etapas do pipeline" description="As colunas do kanban de oportunidades, na ordem em que um negócio avança." />
      <SettingsNav current="/configuracoes/pipeline" />
      <ErrorBanner error={settings.error} onRetry={settings.reload} />
      {settings.loading && !settings.data ? (
        <LoadingBlock />
      ) : (
        settings.data && (
          <form class="card form form-narrow" noValidate onSubmit={submit}>
            <ErrorBanner error={save.error} onReload={settings.reload} fieldNames={Object.keys(fields.errors)} />
            {fields.errors['stages'] && <p class="field-error">{fields.errors['stages']}</p>}
            <ol class="stage-list">
              {drafts.map((d, i) => {
                const inputId = `stage-${d.key}`;
                const error = fields.errors[`stages[${i}].name`];
                return (
                  <li key={d.key} class="stage-row">
                    <span class="stage-order" aria-hidden="true">
                      {i + 1}
                    </span>
                    <div class={`field stage-name${error ? ' field-invalid' : ''}`}>
                      <label for={inputId} class="visually-hidden">
                        Nome da etapa {i + 1}
                      </label>
                      <input
                        id={inputId}
                        class="input"
                        value={d.name}
                        maxLength={STAGE_NAME_MAX}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={error ? `${inputId}-error` : undefined}
                        placeholder="Nome da etapa"
                        onInput={(e) => {
                          setDrafts(renameStage(drafts, d.key, e.currentTarget.value));
                          fields.clear(`stages[${i}].name`);
                        }}
                      />
                      {error && (
                        <div id={`${inputId}-error`} class="field-error">
                          {error}
                        </div>
                      )}
                      {d.id && d.openCount !== undefined && (
                        <div class="field-hint">{d.openCount === 0 ? 'Nenhuma oportunidade em aberto' : d.openCount === 1 ? '1 oportunidade em aberto' : `${d.openCount} oportunidades em aberto`}</div>
                      )}
                    </div>
                    <div class="stage-actions">
                      <Button variant="ghost" size="sm" disabled={i === 0} onClick={() => setDrafts(moveStage(drafts, d.key, -1))} aria-label={`Mover ${d.name || 'etapa'} para cima`}>
                        ↑
                      </Button>
                      <Button variant="ghost" size="sm" disabled={i === drafts.length - 1} onClick={() => setDrafts(moveStage(drafts, d.key, 1))} aria-label={`Mover ${d.name || 'etapa'} para baixo`}>
                        ↓
                      </Button>
                      <Button
                        variant="ghost"
                        size="sm"
                        class="text-danger"
                        onClick={() => (d.id ? setRemoving(d) : setDrafts(removeStage(drafts, d.key)))}
                        aria-label={`Remover ${d.name || 'etapa'}`}
                      >
                        Remover
                      </Button>
                    </div>
                  </li>
                );
              })}
            </ol>
            <div>
              <Button
                variant="secondary"
                onClick={() => {
                  setDrafts(addStage(drafts));
                  fields.clear('stages');
                }}
              >
                Adicionar etapa
              </Button>
            </div>
            {pendingRemovals.length > 0 && (
              <Notice tone="warning">
                Ao salvar, {pendingRemovals.length === 1 ? 'a etapa' : 'as etapas'} <strong>{pendingRemovals.map((s) => s.name).join(', ')}</strong> {pendingRemovals.length === 1 ? 'será removida' : 'serão removidas'}.
              </Notice>
            )}
            <div class="form-actions">
              <Button variant="secondary" disabled={!dirty || save.busy} onClick={() => setDrafts(stagesToDrafts(saved))}>
                Desfazer alterações
              </Button>
              <Button type="submit" busy={save.busy} disabled={!dirty}>
                Salvar etapas
              </Button>
            </div>
          </form>
        )
      )}
      <ConfirmDialog
        open={removing !== null}
        title="Remover etapa?"
        message={
          removing && (
            <p>
              A etapa <strong>{removing.name}</strong> sai do pipeline quando você salvar.{' '}
              {removing.openCount
                ? `Ela tem ${removing.openCount === 1 ? '1 oportunidade' : `${removing.openCount} oportunidades`} em aberto: mova-as para outra etapa antes, ou a remoção será recusada.`
                : 'Etapas com oportunidades em aberto não podem ser removidas.'}
            </p>
          )
        }
        confirmLabel="Remover"
        onConfirm={() => {
          if (removing) setDrafts(removeStage(drafts, removing.key));
          setRemoving(null);
        }}
        onCancel={() => setRemoving(null)}
      />
    </>
  );
}
