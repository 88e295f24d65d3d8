import { formatMoney } from '../format/money';
import { DISCOUNT_KIND_OPTIONS, documentTotals, type DiscountKind } from '../format/lineMath';
import { Button } from '../ui/Button';
import { MoneyField, SelectField, TextField } from '../ui/Field';
import { LookupField } from '../ui/Lookup';
import { searchServices, type Category } from './catalogueApi';
import { draftAmounts, emptyLine, lineInputOf, type ServiceLineDraft } from './serviceLines';

export interface ServiceLinesEditorProps {
  /** Names the group, e.g. "Serviços da solução". */
  label: string;
  lines: ServiceLineDraft[];
  onLines: (lines: ServiceLineDraft[]) => void;
  /** Category choices; absent when the lines have no category (contract items). */
  categories?: readonly Category[];
  /** Lines must point at a catalogue service (solutions) or may be free text (contracts). */
  requireService?: boolean;
  /** Field errors keyed like `${prefix}[0].quantity`. */
  errors: Record<string, string>;
  prefix: string;
  onClearError: (key: string) => void;
}

/**
 * Service lines edited in place (solutions, contracts): service picked from the catalogue fills
 * description, category and price; line totals and the grand total follow the server's math live.
 */
export function ServiceLinesEditor({ label, lines, onLines, categories, requireService = true, errors, prefix, onClearError }: ServiceLinesEditorProps) {
  const update = (index: number, patch: Partial<ServiceLineDraft>) => {
    onLines(lines.map((l, i) => (i === index ? { ...l, ...patch } : l)));
    for (const key of Object.keys(patch)) onClearError(`${prefix}[${index}].${key}`);
  };
  const totals = documentTotals(lines.map(lineInputOf));
  const categoryOptions = (categories ?? []).map((c) => ({ value: c.id, label: c.name }));

  return (
    <fieldset class="fieldset lines-editor">
      <legend>{label}</legend>
      {errors[prefix] && <p class="field-error">{errors[prefix]}</p>}
      {lines.length === 0 && <p class="muted">Nenhum serviço. Use “Adicionar serviço”.</p>}
      <ol class="line-list">
        {lines.map((line, i) => {
          const amounts = draftAmounts(line);
          const err = (field: string) => errors[`${prefix}[${i}].${field}`];
          return (
            <li key={line.key} class="line-card">
              <div class="line-card-header">
                <span class="line-card-number">Item {i + 1}</span>
                <Button variant="ghost" size="sm" class="text-danger" onClick={() => onLines(lines.filter((_, j) => j !== i))} aria-label={`Remover item ${i + 1}`}>
                  Remover
                </Button>
              </div>
              <div class="line-grid">
                <LookupField
                  label="Serviço"
                  class="line-grid-wide"
                  value={line.serviceId ? { id: line.serviceId, label: line.serviceLabel } : null}
                  onValue={(option) => {
                    if (!option) {
                      update(i, { serviceId: null, serviceLabel: '' });
                      return;
                    }
                    const service = option as Awaited<ReturnType<typeof searchServices>>[number];
                    update(i, {
                      serviceId: service.id,
                      serviceLabel: service.label,
                      description: line.description || service.description,
                      categoryId: categories ? line.categoryId || service.categoryId || '' : '',
                      unitPrice: line.unitPrice ?? service.unitPrice ?? null,
                    });
                  }}
                  search={searchServices}
                  error={err('serviceId')}
                  required={requireService}
                />
                <TextField label="Descrição" class="line-grid-wide" value={line.description} onValue={(v) => update(i, { description: v })} error={err('description')} required />
                {categories && <SelectField label="Categoria" value={line.categoryId} onValue={(v) => update(i, { categoryId: v })} options={categoryOptions} placeholder="Nenhuma" error={err('categoryId')} />}
                <TextField label="Quantidade" inputMode="decimal" value={line.quantity} onValue={(v) => update(i, { quantity: v })} error={err('quantity')} required />
                <MoneyField label="Valor unitário" value={line.unitPrice} onValue={(v) => update(i, { unitPrice: v })} error={err('unitPrice')} required />
                <SelectField label="Desconto" value={line.discountKind} onValue={(v) => update(i, { discountKind: v as DiscountKind, discount: v === 'none' ? '' : line.discount })} options={DISCOUNT_KIND_OPTIONS} />
                {line.discountKind !== 'none' && (
                  <TextField
                    label={line.discountKind === 'percent' ? 'Desconto (%)' : 'Desconto (R$)'}
                    inputMode="decimal"
                    value={line.discount}
                    onValue={(v) => update(i, { discount: v })}
                    error={err('discount')}
                  />
                )}
                <div class="line-total" aria-live="polite">
                  <span class="line-total-label">Total do item</span>
                  <span class="line-total-value">{formatMoney(amounts.total)}</span>
                  {amounts.discount > 0 && <span class="muted small">Bruto {formatMoney(amounts.gross)} − desconto {formatMoney(amounts.discount)}</span>}
                </div>
              </div>
            </li>
          );
        })}
      </ol>
      <div class="lines-footer">
        <Button variant="secondary" onClick={() => onLines([...lines, emptyLine()])}>
          Adicionar serviço
        </Button>
        <dl class="totals">
          <div>
            <dt>Bruto</dt>
            <dd>{formatMoney(totals.gross)}</dd>
          </div>
          <div>
            <dt>Descontos</dt>
            <dd>{formatMoney(totals.discount)}</dd>
          </div>
          <div class="totals-grand">
            <dt>Total</dt>
            <dd>{formatMoney(totals.total)}</dd>
          </div>
        </dl>
      </div>
    </fieldset>
  );
}
