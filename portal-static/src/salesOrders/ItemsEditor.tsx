import { searchProducts, searchServices } from '../catalogue/catalogueApi';
import { DISCOUNT_KIND_OPTIONS, documentTotals, type DiscountKind } from '../format/lineMath';
import { formatMoney } from '../format/money';
import { Button } from '../ui/Button';
import { MoneyField, SelectField, TextField } from '../ui/Field';
import { LookupField, type LookupOption } from '../ui/Lookup';
import { ITEM_KIND_LABELS, type ItemKind } from './documentItems';
import { itemAmounts, itemNumbers, newItemDraft, removalBlocker, type ItemDraft } from './itemDraft';


export interface ItemsEditorProps {
  items: ItemDraft[];
  onItems: (items: ItemDraft[]) => void;
  errors: Record<string, string>;
  /** Clears a field's error once the user edits it. */
  onClear: (name: string) => void;
  /** Service orders take services only. */
  servicesOnly?: boolean;
  disabled?: boolean;
}

const KIND_OPTIONS = (['service', 'product'] as const).map((k) => ({ value: k, label: ITEM_KIND_LABELS[k]! }));

/**
 * The item lines of a quote, sales order or service order: catalogue lookup (fills description and price),
 * quantity, unit price, discount in % or R$, the information note for the customer, and live totals computed
 * with the server's rounding. One card per line, so it works on a phone.
 */
export function ItemsEditor({ items, onItems, errors, onClear, servicesOnly = false, disabled = false }: ItemsEditorProps) {
  const totals = documentTotals(items.map(itemNumbers));
  const update = (index: number, patch: Partial<ItemDraft>, field?: string) => {
    onItems(items.map((d, i) => (i === index ? { ...d, ...patch } : d)));
    if (field) onClear(`items[${index}].${field}`);
  };
  const pick = (index: number, option: LookupOption | null) => {
    const current = items[index]!;
    const patch: Partial<ItemDraft> = { item: option };
    if (option) {
      const record = option as LookupOption & { unitPrice?: number; price?: number };
      const price = current.kind === 'product' ? record.price : record.unitPrice;
      // A picked catalogue entry fills the texts the user has not typed yet.
      if (current.description.trim() === '' || current.description === current.item?.label) patch.description = option.label;
      if (typeof price === 'number' && (current.unitPrice === null || current.item !== null)) patch.unitPrice = price;
    }
    update(index, patch, current.kind === 'product' ? 'productId' : 'serviceId');
  };

  return (
    <section class="doc-items" aria-label="Itens">
      <h2 class="panel-title">Itens</h2>
      {errors['items'] && (
        <p class="field-error" role="alert">
          {errors['items']}
        </p>
      )}
      {items.length === 0 && <p class="muted">Nenhum item ainda. Inclua serviços ou produtos com “Adicionar item”.</p>}
      <ol class="doc-item-list">
        {items.map((d, index) => {
          const f = (name: string) => `items[${index}].${name}`;
          const amounts = itemAmounts(d);
          const blocker = removalBlocker(d);
          const n = index + 1;
          return (
            <li key={d.key} class="doc-item card">
              <fieldset class="doc-item-fields" disabled={disabled}>
                <legend class="doc-item-legend">Item {n}</legend>
                <div class="form-row">
                  {!servicesOnly && (
                    <SelectField
                      label={`Tipo do item ${n}`}
                      name={f('kind')}
                      value={d.kind}
                      options={KIND_OPTIONS}
                      onValue={(v) => update(index, { kind: v as ItemKind, item: null }, 'kind')}
                      error={errors[f('kind')]}
                      disabled={d.billedQuantity > 0 || d.tasksGenerated > 0}
                    />
                  )}
                  <LookupField
                    label={d.kind === 'product' ? `Produto do item ${n}` : `Serviço do item ${n}`}
                    name={f(d.kind === 'product' ? 'productId' : 'serviceId')}
                    value={d.item}
                    onValue={(o) => pick(index, o)}
                    search={d.kind === 'product' ? searchProducts : searchServices}
                    error={errors[f(d.kind === 'product' ? 'productId' : 'serviceId')]}
                    required={d.kind === 'product'}
                    hint={d.kind === 'service' ? 'Opcional: um serviço fora do catálogo leva só a descrição.' : undefined}
                  />
                </div>
                <TextField
                  label={`Descrição do item ${n}`}
                  name={f('description')}
                  value={d.description}
                  maxLength={500}
                  onValue={(v) => update(index, { description: v }, 'description')}
                  error={errors[f('description')]}
                  required
                />
                <div class="form-row">
                  <TextField
                    label={`Quantidade do item ${n}`}
                    name={f('quantity')}
                    inputMode="decimal"
                    value={d.quantity}
                    onValue={(v) => update(index, { quantity: v }, 'quantity')}
                    error={errors[f('quantity')]}
                    required
                  />
                  <MoneyField label={`Valor unitário do item ${n}`} name={f('unitPrice')} value={d.unitPrice} onValue={(v) => update(index, { unitPrice: v }, 'unitPrice')} error={errors[f('unitPrice')]} required />
                  <SelectField
                    label={`Desconto do item ${n}`}
                    name={f('discountKind')}
                    value={d.discountKind}
                    options={DISCOUNT_KIND_OPTIONS}
                    onValue={(v) => update(index, { discountKind: v as DiscountKind, discount: v === 'none' ? '' : d.discount }, 'discount')}
                  />
                  {d.discountKind !== 'none' && (
                    <TextField
                      label={d.discountKind === 'percent' ? `Desconto (%) do item ${n}` : `Desconto (R$) do item ${n}`}
                      name={f('discount')}
                      inputMode="decimal"
                      value={d.discount}
                      onValue={(v) => update(index, { discount: v }, 'discount')}
                      error={errors[f('discount')]}
                      required
                    />
                  )}
                </div>
                <TextField
                  label={`Informação ao cliente do item ${n}`}
                  name={f('note')}
                  value={d.note}
                  maxLength={500}
                  onValue={(v) => update(index, { note: v }, 'note')}
                  error={errors[f('note')]}
                  hint="Aparece na proposta, abaixo do item."
                />
              </fieldset>
              <div class="doc-item-footer">
                <span class="doc-item-total">
                  Total do item: <strong>{formatMoney(amounts.total)}</strong>
                  {amounts.discount > 0 && <span class="cell-secondary"> (bruto {formatMoney(amounts.gross)}, desconto {formatMoney(amounts.discount)})</span>}
                </span>
                {(d.billedQuantity > 0 || d.tasksGenerated > 0) && (
                  <span class="cell-secondary">
                    {d.tasksGenerated > 0 && `${d.tasksGenerated} tarefa(s) gerada(s). `}
                    {d.billedQuantity > 0 && `Faturado: ${d.billedQuantity}.`}
                  </span>
                )}
                {!disabled && (
                  <Button
                    variant="ghost"
                    size="sm"
                    class="text-danger"
                    disabled={blocker !== null}
                    title={blocker ?? undefined}
                    aria-label={`Remover item ${n}`}
                    onClick={() => onItems(items.filter((_, i) => i !== index))}
                  >
                    Remover
                  </Button>
                )}
              </div>
            </li>
          );
        })}
      </ol>
      {!disabled && (
        <Button variant="secondary" onClick={() => onItems([...items, newItemDraft('service')])} disabled={items.length >= 100}>
          Adicionar item
        </Button>
      )}
      <dl class="doc-totals" aria-label="Totais">
        <div>
          <dt>Bruto</dt>
          <dd>{formatMoney(totals.gross)}</dd>
        </div>
        <div>
          <dt>Descontos</dt>
          <dd>{formatMoney(totals.discount)}</dd>
        </div>
        <div class="doc-totals-total">
          <dt>Total</dt>
          <dd>{formatMoney(totals.total)}</dd>
        </div>
      </dl>
    </section>
  );
}
