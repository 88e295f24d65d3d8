import { useEffect, useState } from 'preact/hooks';
import { etagOf } from '../api/lists';
import { useAction, useFieldErrors, useResource } from '../app/hooks';
import { useCanWrite } from '../auth/permissions';
import { usePagedList } from '../app/usePagedList';
import { listCustomerContacts } from '../customers/customersApi';
import { formatDate } from '../format/date';
import { StatusBadge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { EmptyState } from '../ui/EmptyState';
import { ErrorBanner } from '../ui/ErrorBanner';
import { DateField, SelectField, TextArea, TextField } from '../ui/Field';
import { ConfirmDialog, Modal } from '../ui/Modal';
import { Pagination } from '../ui/Pagination';
import { toast } from '../ui/Toast';
import { RANGE_PRESETS, buildRange, defaultRange, describeRange, todayIso, type DateRange } from './dateRange';
import {
  OCCURRENCE_TYPES,
  OCCURRENCE_TYPE_OPTIONS,
  addCompetitorNote,
  createOccurrence,
  deleteCompetitorNote,
  deleteOccurrence,
  getOccurrence,
  getOccurrencesPrint,
  listOccurrences,
  updateOccurrence,
  type CompetitorInput,
  type CompetitorNote,
  type Occurrence,
} from './occurrencesApi';
import { DESCRIPTION_MAX, EMPTY_COMPETITOR, newOccurrenceForm, occurrenceInput, occurrenceToForm, validateCompetitor, validateOccurrence, type OccurrenceForm } from './occurrenceForm';

type Pending = { kind: 'delete'; occurrence: Occurrence } | { kind: 'delete-competitor'; occurrence: Occurrence; competitor: CompetitorNote };

/**
 * Gescor's "CRM Gestão" for one customer: the timeline of occurrences in a date range, with add,
 * change, delete (confirmed), print, and competitor notes on each occurrence.
 */
export function OccurrencesTab({ customerId, customerName }: { customerId: string; customerName: string }) {
  const canWrite = useCanWrite('occurrences');
  const [range, setRange] = useState<DateRange>(() => defaultRange());
  const [fromInput, setFromInput] = useState<string | null>(range.from);
  const [toInput, setToInput] = useState<string | null>(range.to);
  const [rangeErrors, setRangeErrors] = useState<{ from?: string; to?: string }>({});
  const list = usePagedList<Occurrence>((args) => listOccurrences(customerId, range, args), [customerId, range.from, range.to]);
  const contacts = useResource((signal) => listCustomerContacts(customerId, signal), [customerId]);
  const [editing, setEditing] = useState<Occurrence | 'new' | null>(null);
  const [competitorFor, setCompetitorFor] = useState<Occurrence | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [printing, setPrinting] = useState(false);

  const apply = (from: string | null, to: string | null) => {
    const result = buildRange(from, to);
    if (!result.ok) {
      setRangeErrors(result.errors);
      return;
    }
    setRangeErrors({});
    setRange(result.range);
  };

  const choosePreset = (id: string) => {
    const preset = RANGE_PRESETS.find((p) => p.id === id);
    if (!preset) return;
    const next = preset.range(todayIso());
    setFromInput(next.from);
    setToInput(next.to);
    apply(next.from, next.to);
  };

  const confirm = useAction(async () => {
    if (!pending) return;
    // Deletes need the current ETag: read the record now so the If-Match is the latest version we know.
    const etag = etagOf(pending.occurrence) ?? (await getOccurrence(customerId, pending.occurrence.id)).etag;
    if (pending.kind === 'delete') {
      await deleteOccurrence(customerId, pending.occurrence.id, etag);
      toast.success('Ocorrência excluída.');
    } else {
      await deleteCompetitorNote(customerId, pending.occurrence.id, pending.competitor.id, etag);
      toast.success('Anotação de concorrente excluída.');
    }
    setPending(null);
    list.reload();
  });

  const print = async () => {
    // The page opens before the request so browsers do not treat it as an unrequested pop-up.
    const win = window.open('', '_blank');
    setPrinting(true);
    try {
      const html = await getOccurrencesPrint(customerId, range);
      const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
      if (win) win.location.href = url;
      else window.location.href = url;
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (e) {
      win?.close();
      toast.error(e instanceof Error && e.message ? e.message : 'Não foi possível gerar a impressão.');
    } finally {
      setPrinting(false);
    }
  };

  const contactOptions = (contacts.data ?? []).map((c) => ({ value: c.id, label: c.name }));

  return (
    <section aria-label="Ocorrências do cliente">
      <div class="panel-header">
        <h2 class="panel-title">Ocorrências</h2>
        <div class="panel-actions">
          <Button variant="secondary" size="sm" busy={printing} onClick={() => void print()}>
            Imprimir
          </Button>
          {canWrite && (
            <Button size="sm" onClick={() => setEditing('new')}>
              Nova ocorrência
            </Button>
          )}
        </div>
      </div>
      <form
        class="filter-bar"
        noValidate
        aria-label="Período das ocorrências"
        onSubmit={(e) => {
          e.preventDefault();
          apply(fromInput, toInput);
        }}
      >
        <DateField label="De" name="from" value={fromInput} onValue={setFromInput} error={rangeErrors.from} />
        <DateField label="Até" name="to" value={toInput} onValue={setToInput} error={rangeErrors.to} />
        <SelectField label="Período" value="" onValue={choosePreset} options={RANGE_PRESETS.map((p) => ({ value: p.id, label: p.label }))} placeholder="Escolher…" />
        <div class="filter-bar-actions">
          <Button type="submit" variant="secondary">
            Consultar
          </Button>
        </div>
      </form>
      <p class="muted" aria-live="polite">
        Ocorrências {describeRange(range)}.
      </p>
      <ErrorBanner error={list.error} onRetry={list.reload} />
      {!list.loading && !list.error && list.items.length === 0 ? (
        <EmptyState title="Nenhuma ocorrência no período" action={canWrite && <Button onClick={() => setEditing('new')}>Registrar ocorrência</Button>}>
          Registre visitas, o diário de relacionamento, atendimentos de pós-venda e SAC com {customerName}.
        </EmptyState>
      ) : (
        <>
          {list.loading && <p class="muted">Carregando ocorrências…</p>}
          <ol class="timeline">
            {list.items.map((o) => (
              <li key={o.id} class="timeline-item">
                <article class="timeline-card" aria-labelledby={`oc-${o.id}`}>
                  <header class="timeline-header">
                    <h3 id={`oc-${o.id}`} class="timeline-date">
                      {formatDate(o.date)}
                    </h3>
                    <StatusBadge status={o.type} styles={OCCURRENCE_TYPES} />
                    {o.contactName && <span class="muted">com {o.contactName}</span>}
                  </header>
                  <p class="timeline-text">{o.description}</p>
                  <p class="muted small">Registrado por {o.authorName ?? o.createdBy ?? '—'}</p>
                  {(o.competitors ?? []).length > 0 && (
                    <div class="competitors">
                      <h4 class="competitors-title">Concorrentes</h4>
                      <ul class="competitors-list">
                        {o.competitors!.map((c) => (
                          <li key={c.id}>
                            <strong>{c.name}</strong>
                            {c.prices && <span> · Preços: {c.prices}</span>}
                            {c.notes && <div class="competitor-notes">{c.notes}</div>}
                            {canWrite && (
                              <Button variant="link" size="sm" class="text-danger" onClick={() => openPending({ kind: 'delete-competitor', occurrence: o, competitor: c })} aria-label={`Excluir anotação do concorrente ${c.name}`}>
                                Excluir
                              </Button>
                            )}
                          </li>
                        ))}
                      </ul>
                    </div>
                  )}
                  {canWrite && (
                  <div class="timeline-actions">
                    <Button variant="ghost" size="sm" onClick={() => setEditing(o)} aria-label={`Alterar ocorrência de ${formatDate(o.date)}`}>
                      Alterar
                    </Button>
                    <Button variant="ghost" size="sm" onClick={() => setCompetitorFor(o)} aria-label={`Anotar concorrente na ocorrência de ${formatDate(o.date)}`}>
                      Concorrentes
                    </Button>
                    <Button variant="ghost" size="sm" class="text-danger" onClick={() => openPending({ kind: 'delete', occurrence: o })} aria-label={`Excluir ocorrência de ${formatDate(o.date)}`}>
                      Excluir
                    </Button>
                  </div>
                  )}
                </article>
              </li>
            ))}
          </ol>
          <Pagination shown={list.items.length} hasMore={list.hasMore} loading={list.loadingMore} onLoadMore={list.loadMore} pageSize={list.pageSize} />
        </>
      )}
      <OccurrenceDialog
        open={editing !== null}
        customerId={customerId}
        occurrence={editing && editing !== 'new' ? editing : null}
        contactOptions={contactOptions}
        onClose={() => setEditing(null)}
        onSaved={(date) => {
          setEditing(null);
          // An occurrence saved outside the range would seem lost: widen the range to show it.
          if (date < range.from || date > range.to) {
            const next = { from: date < range.from ? date : range.from, to: date > range.to ? date : range.to };
            setFromInput(next.from);
            setToInput(next.to);
            setRange(next);
          } else {
            list.reload();
          }
        }}
        onReload={list.reload}
      />
      <CompetitorDialog
        open={competitorFor !== null}
        customerId={customerId}
        occurrence={competitorFor}
        onClose={() => setCompetitorFor(null)}
        onSaved={() => {
          setCompetitorFor(null);
          list.reload();
        }}
      />
      <ConfirmDialog
        open={pending !== null}
        title={pending?.kind === 'delete-competitor' ? 'Excluir anotação de concorrente?' : 'Excluir ocorrência?'}
        message={
          pending?.kind === 'delete' ? (
            <p>
              A ocorrência de <strong>{formatDate(pending.occurrence.date)}</strong> ({OCCURRENCE_TYPES[pending.occurrence.type as keyof typeof OCCURRENCE_TYPES]?.label ?? pending.occurrence.type}) será excluída, com as
              anotações de concorrentes. Esta ação não pode ser desfeita.
            </p>
          ) : pending?.kind === 'delete-competitor' ? (
            <p>
              A anotação sobre <strong>{pending.competitor.name}</strong> será excluída.
            </p>
          ) : null
        }
        confirmLabel="Excluir"
        busy={confirm.busy}
        error={confirm.error}
        onConfirm={() => void confirm.run()}
        onCancel={() => setPending(null)}
      />
    </section>
  );

  function openPending(next: Pending) {
    confirm.setError(null);
    setPending(next);
  }
}

interface OccurrenceDialogProps {
  open: boolean;
  customerId: string;
  occurrence: Occurrence | null;
  contactOptions: { value: string; label: string }[];
  onClose: () => void;
  /** Called with the saved occurrence's date. */
  onSaved: (date: string) => void;
  onReload: () => void;
}

function OccurrenceDialog({ open, customerId, occurrence, contactOptions, onClose, onSaved, onReload }: OccurrenceDialogProps) {
  const [form, setForm] = useState<OccurrenceForm>(() => newOccurrenceForm(todayIso()));
  const save = useAction(async () => {
    const input = occurrenceInput(form);
    if (occurrence) {
      const etag = etagOf(occurrence) ?? (await getOccurrence(customerId, occurrence.id)).etag;
      await updateOccurrence(customerId, occurrence.id, input, etag);
      toast.success('Ocorrência alterada.');
    } else {
      await createOccurrence(customerId, input);
      toast.success('Ocorrência registrada.');
    }
    onSaved(input.date);
  });
  const fields = useFieldErrors(save.error);

  useEffect(() => {
    if (open) {
      setForm(occurrence ? occurrenceToForm(occurrence) : newOccurrenceForm(todayIso()));
      save.setError(null);
      fields.setClientErrors({});
    }
  }, [open]);

  const set = <K extends keyof OccurrenceForm>(key: K) => (value: OccurrenceForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    fields.clear(key);
  };

  const submit = (e: Event) => {
    e.preventDefault();
    const errors = validateOccurrence(form);
    fields.setClientErrors(errors);
    if (Object.keys(errors).length === 0) void save.run();
  };

  return (
    <Modal
      open={open}
      title={occurrence ? 'Alterar ocorrência' : 'Nova ocorrência'}
      onClose={onClose}
      busy={save.busy}
      size="lg"
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={save.busy}>
            Cancelar
          </Button>
          <Button type="submit" form="occurrence-form" busy={save.busy}>
            Salvar
          </Button>
        </>
      }
    >
      <ErrorBanner
        error={save.error}
        fieldNames={['date', 'type', 'contactId', 'description']}
        onReload={() => {
          onReload();
          onClose();
        }}
      />
      <form id="occurrence-form" class="form" noValidate onSubmit={submit}>
        <div class="form-row">
          <DateField label="Data" name="date" value={form.date} onValue={set('date')} error={fields.errors['date']} required />
          <SelectField label="Tipo" name="type" value={form.type} onValue={set('type')} options={OCCURRENCE_TYPE_OPTIONS} error={fields.errors['type']} required />
        </div>
        <SelectField
          label="Contato"
          name="contactId"
          value={form.contactId}
          onValue={set('contactId')}
          options={contactOptions}
          placeholder={contactOptions.length ? 'Nenhum' : 'Nenhum contato cadastrado'}
          error={fields.errors['contactId']}
        />
        <TextArea
          label="Descrição"
          name="description"
          rows={6}
          maxLength={DESCRIPTION_MAX}
          value={form.description}
          onValue={set('description')}
          error={fields.errors['description']}
          hint={`${form.description.length}/${DESCRIPTION_MAX} caracteres`}
          required
        />
      </form>
    </Modal>
  );
}

function CompetitorDialog({ open, customerId, occurrence, onClose, onSaved }: { open: boolean; customerId: string; occurrence: Occurrence | null; onClose: () => void; onSaved: () => void }) {
  const [form, setForm] = useState<CompetitorInput>(EMPTY_COMPETITOR);
  const save = useAction(async () => {
    if (!occurrence) return;
    const etag = etagOf(occurrence) ?? (await getOccurrence(customerId, occurrence.id)).etag;
    await addCompetitorNote(customerId, occurrence.id, { name: form.name.trim(), prices: form.prices.trim(), notes: form.notes.trim() }, etag);
    toast.success('Anotação de concorrente registrada.');
    onSaved();
  });
  const fields = useFieldErrors(save.error);

  useEffect(() => {
    if (open) {
      setForm(EMPTY_COMPETITOR);
      save.setError(null);
      fields.setClientErrors({});
    }
  }, [open]);

  const set = (key: keyof CompetitorInput) => (value: string) => {
    setForm((f) => ({ ...f, [key]: value }));
    fields.clear(key);
  };

  const submit = (e: Event) => {
    e.preventDefault();
    const errors = validateCompetitor(form);
    fields.setClientErrors(errors);
    if (Object.keys(errors).length === 0) void save.run();
  };

  return (
    <Modal
      open={open}
      title="Anotar concorrente"
      onClose={onClose}
      busy={save.busy}
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={save.busy}>
            Cancelar
          </Button>
          <Button type="submit" form="competitor-form" busy={save.busy}>
            Salvar
          </Button>
        </>
      }
    >
      {occurrence && (
        <p class="muted">
          Ocorrência de {formatDate(occurrence.date)} · {OCCURRENCE_TYPES[occurrence.type as keyof typeof OCCURRENCE_TYPES]?.label ?? occurrence.type}
        </p>
      )}
      <ErrorBanner error={save.error} fieldNames={['name', 'prices', 'notes']} />
      <form id="competitor-form" class="form" noValidate onSubmit={submit}>
        <TextField label="Concorrente" name="name" value={form.name} onValue={set('name')} error={fields.errors['name']} required />
        <TextField label="Preços praticados" name="prices" value={form.prices} onValue={set('prices')} error={fields.errors['prices']} hint="Ex.: R$ 1.200,00/mês pela manutenção." />
        <TextArea label="Observações" name="notes" rows={4} value={form.notes} onValue={set('notes')} error={fields.errors['notes']} />
      </form>
    </Modal>
  );
}
