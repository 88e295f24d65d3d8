import { useEffect, useState } from 'preact/hooks';
import { useAction, useFieldErrors, useResource } from '../app/hooks';
import { allCategories, searchProducts, searchServices } from '../catalogue/catalogueApi';
import { DISCOUNT_KIND_OPTIONS, formatDecimalBR, lineAmounts, type DiscountKind } from '../format/lineMath';
import { formatMoney } from '../format/money';
import { searchSolutions } from '../solutions/solutionsApi';
import { Button } from '../ui/Button';
import { EmptyState } from '../ui/EmptyState';
import { ErrorBanner, Notice } from '../ui/ErrorBanner';
import { MoneyField, SelectField, TextField } from '../ui/Field';
import { LookupField, type LookupOption } from '../ui/Lookup';
import { ConfirmDialog, Modal } from '../ui/Modal';
import { Table, type Column } from '../ui/Table';
import { toast } from '../ui/Toast';
import { LINE_KIND_LABELS, addTicketLine, applySolution, deleteTicketLine, ticketLinesOf, ticketTotalsOf, updateTicketLine, type Opportunity, type TicketLine, type TicketLineKind } from './opportunitiesApi';
import { discountText, newTicketLine, ticketLineAmounts, ticketLineInput, ticketLineToDraft, validateTicketLine, type TicketLineDraft } from './ticketLine';

export interface TicketTabProps {
  opportunity: Opportunity;
  etag: string | null;
  canWrite: boolean;
  /** Called with the server's answer after a change (the updated opportunity, or nothing: then reload). */
  onChanged: (updated: Opportunity | undefined) => void;
  onReload: () => void;
}

/**
 * The ticket (Omie): the proposal's service and product lines with category, quantity, unit price
 * and discount; totals are the sums of the rounded lines, as the server computes them.
 */
export function TicketTab({ opportunity, etag, canWrite, onChanged, onReload }: TicketTabProps) {
  const lines = ticketLinesOf(opportunity);
  const totals = ticketTotalsOf(opportunity);
  const editable = opportunity.status === 'open' && canWrite;
  const [editing, setEditing] = useState<{ line: TicketLine | null; kind: TicketLineKind } | null>(null);
  const [removing, setRemoving] = useState<TicketLine | null>(null);
  const [applying, setApplying] = useState(false);

  const remove = useAction(async () => {
    if (!removing) return;
    const updated = await deleteTicketLine(opportunity.id, removing.id, etag);
    toast.success('Item removido do ticket.');
    setRemoving(null);
    onChanged(updated);
  });

  const columns: Column<TicketLine>[] = [
    { key: 'kind', header: 'Tipo', render: (l) => LINE_KIND_LABELS[l.kind] ?? l.kind },
    {
      key: 'description',
      header: 'Descrição',
      render: (l) => (
        <>
          <span class="cell-primary">{l.description}</span>
          {l.categoryName && <div class="cell-secondary">{l.categoryName}</div>}
        </>
      ),
    },
    { key: 'quantity', header: 'Qtd.', align: 'end', render: (l) => formatDecimalBR(l.quantity) },
    { key: 'unitPrice', header: 'Valor unit.', align: 'end', render: (l) => <span class="nowrap">{formatMoney(l.unitPrice)}</span> },
    { key: 'discount', header: 'Desconto', align: 'end', render: (l) => <span class="nowrap">{discountText(l, formatMoney)}</span> },
    { key: 'total', header: 'Total', align: 'end', render: (l) => <span class="nowrap cell-primary">{formatMoney(lineAmounts(l).total)}</span> },
  ];
  if (editable) {
    columns.push({
      key: 'actions',
      header: 'Ações',
      headerHidden: true,
      align: 'end',
      render: (l) => (
        <div class="row-actions">
          <Button variant="ghost" size="sm" onClick={() => setEditing({ line: l, kind: l.kind === 'product' ? 'product' : 'service' })} aria-label={`Editar ${l.description}`}>
            Editar
          </Button>
          <Button
            variant="ghost"
            size="sm"
            class="text-danger"
            onClick={() => {
              remove.setError(null);
              setRemoving(l);
            }}
            aria-label={`Remover ${l.description}`}
          >
            Remover
          </Button>
        </div>
      ),
    });
  }

  return (
    <section aria-label="Ticket da oportunidade">
      <div class="panel-header">
        <h2 class="panel-title">Ticket</h2>
        {editable && (
          <div class="panel-actions">
            <Button variant="secondary" size="sm" onClick={() => setApplying(true)}>
              Aplicar solução
            </Button>
            <Button variant="secondary" size="sm" onClick={() => setEditing({ line: null, kind: 'product' })}>
              Adicionar produto
            </Button>
            <Button size="sm" onClick={() => setEditing({ line: null, kind: 'service' })}>
              Adicionar serviço
            </Button>
          </div>
        )}
      </div>
      {canWrite && opportunity.status !== 'open' && <Notice>Esta oportunidade está {opportunity.status === 'won' ? 'ganha' : 'perdida'}: reabra-a para alterar o ticket.</Notice>}
      {lines.length === 0 ? (
        <EmptyState title="Ticket vazio" action={editable && <Button onClick={() => setApplying(true)}>Aplicar uma solução</Button>}>
          O ticket é a proposta oferecida ao cliente. Inclua serviços e produtos, ou aplique uma solução para copiar os serviços dela.
        </EmptyState>
      ) : (
        <Table caption="Itens do ticket" columns={columns} rows={lines} rowKey={(l) => l.id} />
      )}
      <dl class="totals totals-card" aria-label="Totais do ticket">
        <div>
          <dt>Bruto</dt>
          <dd>{formatMoney(totals.gross)}</dd>
        </div>
        <div>
          <dt>Descontos</dt>
          <dd>{formatMoney(totals.discount)}</dd>
        </div>
        <div class="totals-grand">
          <dt>Total do ticket</dt>
          <dd>{formatMoney(totals.total)}</dd>
        </div>
      </dl>
      <TicketLineDialog
        open={editing !== null}
        kind={editing?.kind ?? 'service'}
        line={editing?.line ?? null}
        onClose={() => setEditing(null)}
        onReload={() => {
          setEditing(null);
          onReload();
        }}
        onSave={async (draft) => {
          const input = ticketLineInput(draft);
          const updated = editing?.line ? await updateTicketLine(opportunity.id, editing.line.id, input, etag) : await addTicketLine(opportunity.id, input, etag);
          toast.success(editing?.line ? 'Item do ticket atualizado.' : 'Item incluído no ticket.');
          setEditing(null);
          onChanged(updated);
        }}
      />
      <ApplySolutionDialog
        open={applying}
        hasLines={lines.length > 0}
        onClose={() => setApplying(false)}
        onReload={() => {
          setApplying(false);
          onReload();
        }}
        onApply={async (solution) => {
          const updated = await applySolution(opportunity.id, solution.id, etag);
          toast.success(`Serviços da solução ${solution.label} copiados para o ticket.`);
          setApplying(false);
          onChanged(updated);
        }}
      />
      <ConfirmDialog
        open={removing !== null}
        title="Remover item do ticket?"
        message={removing && <p>O item <strong>{removing.description}</strong> sai do ticket e o total é recalculado.</p>}
        confirmLabel="Remover"
        busy={remove.busy}
        error={remove.error}
        onConfirm={() => void remove.run()}
        onCancel={() => setRemoving(null)}
      />
    </section>
  );
}

interface TicketLineDialogProps {
  open: boolean;
  kind: TicketLineKind;
  line: TicketLine | null;
  onClose: () => void;
  onReload: () => void;
  onSave: (draft: TicketLineDraft) => Promise<void>;
}

const LINE_FIELDS = ['serviceId', 'productId', 'description', 'categoryId', 'quantity', 'unitPrice', 'discountKind', 'discount'];

function TicketLineDialog({ open, kind, line, onClose, onReload, onSave }: TicketLineDialogProps) {
  const [draft, setDraft] = useState<TicketLineDraft>(() => newTicketLine(kind));
  const categories = useResource((signal) => (open && kind === 'service' ? allCategories(signal) : Promise.resolve([])), [open, kind]);
  const save = useAction(async () => onSave(draft));
  const fields = useFieldErrors(save.error);

  useEffect(() => {
    if (!open) return;
    setDraft(line ? ticketLineToDraft(line) : newTicketLine(kind));
    save.setError(null);
    fields.setClientErrors({});
  }, [open]);

  const set = <K extends keyof TicketLineDraft>(key: K) => (value: TicketLineDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    fields.clear(key === 'item' ? (kind === 'product' ? 'productId' : 'serviceId') : key);
  };

  const pickItem = (option: LookupOption | null) => {
    if (!option) {
      set('item')(null);
      return;
    }
    // The picked record carries its catalogue data: description, price and default category.
    const record = option as LookupOption & { description?: string; unitPrice?: number; price?: number; categoryId?: string | null };
    setDraft((d) => ({
      ...d,
      item: { id: option.id, label: option.label },
      description: d.description.trim() ? d.description : (record.description ?? option.label),
      unitPrice: d.unitPrice ?? record.unitPrice ?? record.price ?? null,
      categoryId: d.categoryId || (record.categoryId ?? ''),
    }));
    fields.clear(kind === 'product' ? 'productId' : 'serviceId');
  };

  const submit = (e: Event) => {
    e.preventDefault();
    const errors = validateTicketLine(draft);
    fields.setClientErrors(errors);
    if (Object.keys(errors).length === 0) void save.run();
  };

  const amounts = ticketLineAmounts(draft);
  const itemError = fields.errors[kind === 'product' ? 'productId' : 'serviceId'];
  const noun = kind === 'product' ? 'produto' : 'serviço';
  return (
    <Modal
      open={open}
      title={line ? `Editar ${noun}` : `Adicionar ${noun}`}
      onClose={onClose}
      busy={save.busy}
      size="lg"
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={save.busy}>
            Cancelar
          </Button>
          <Button type="submit" form="ticket-line-form" busy={save.busy}>
            Salvar
          </Button>
        </>
      }
    >
      <ErrorBanner error={save.error} fieldNames={LINE_FIELDS} onReload={onReload} />
      <form id="ticket-line-form" class="form" noValidate onSubmit={submit}>
        <LookupField
          label={kind === 'product' ? 'Produto' : 'Serviço'}
          name={kind === 'product' ? 'productId' : 'serviceId'}
          value={draft.item}
          onValue={pickItem}
          search={kind === 'product' ? searchProducts : searchServices}
          error={itemError}
          hint={`O ${noun} precisa estar cadastrado no catálogo.`}
          required
        />
        <TextField label="Descrição" name="description" value={draft.description} onValue={set('description')} error={fields.errors['description']} required />
        {kind === 'service' && (
          <SelectField
            label="Categoria"
            name="categoryId"
            value={draft.categoryId}
            onValue={set('categoryId')}
            options={(categories.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            placeholder="Nenhuma"
            error={fields.errors['categoryId']}
          />
        )}
        <div class="form-row">
          <TextField label="Quantidade" name="quantity" inputMode="decimal" value={draft.quantity} onValue={set('quantity')} error={fields.errors['quantity']} required />
          <MoneyField label="Valor unitário" name="unitPrice" value={draft.unitPrice} onValue={set('unitPrice')} error={fields.errors['unitPrice']} required />
        </div>
        <div class="form-row">
          <SelectField label="Desconto" name="discountKind" value={draft.discountKind} onValue={(v) => set('discountKind')(v as DiscountKind)} options={DISCOUNT_KIND_OPTIONS} />
          {draft.discountKind !== 'none' ? (
            <TextField
              label={draft.discountKind === 'percent' ? 'Desconto (%)' : 'Desconto (R$)'}
              name="discount"
              inputMode="decimal"
              value={draft.discount}
              onValue={set('discount')}
              error={fields.errors['discount']}
              required
            />
          ) : (
            <span />
          )}
        </div>
        <dl class="totals" aria-live="polite">
          <div>
            <dt>Bruto</dt>
            <dd>{formatMoney(amounts.gross)}</dd>
          </div>
          <div>
            <dt>Desconto</dt>
            <dd>{formatMoney(amounts.discount)}</dd>
          </div>
          <div class="totals-grand">
            <dt>Total do item</dt>
            <dd>{formatMoney(amounts.total)}</dd>
          </div>
        </dl>
      </form>
    </Modal>
  );
}

function ApplySolutionDialog({ open, hasLines, onClose, onReload, onApply }: { open: boolean; hasLines: boolean; onClose: () => void; onReload: () => void; onApply: (solution: LookupOption) => Promise<void> }) {
  const [solution, setSolution] = useState<LookupOption | null>(null);
  const [error, setError] = useState<string | null>(null);
  const apply = useAction(async () => {
    if (solution) await onApply(solution);
  });

  useEffect(() => {
    if (open) {
      setSolution(null);
      setError(null);
      apply.setError(null);
    }
  }, [open]);

  return (
    <Modal
      open={open}
      title="Aplicar solução"
      onClose={onClose}
      busy={apply.busy}
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={apply.busy}>
            Cancelar
          </Button>
          <Button
            busy={apply.busy}
            onClick={() => {
              if (!solution) {
                setError('Escolha a solução.');
                return;
              }
              void apply.run();
            }}
          >
            Aplicar
          </Button>
        </>
      }
    >
      <ErrorBanner error={apply.error} onReload={onReload} />
      <p>Os serviços da solução, com quantidades, preços e descontos, são copiados para o ticket.{hasLines ? ' Os itens atuais continuam no ticket.' : ''}</p>
      <LookupField
        label="Solução"
        value={solution}
        onValue={(v) => {
          setSolution(v);
          setError(null);
        }}
        search={searchSolutions}
        error={error}
        required
      />
    </Modal>
  );
}
