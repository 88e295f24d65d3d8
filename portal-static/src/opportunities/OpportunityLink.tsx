import { href } from '../app/router';
import type { OpportunityBadge } from '../salesOrders/salesOrdersApi';
import { StatusBadge } from '../ui/Badge';
import { OPPORTUNITY_STATUS } from './opportunitiesApi';

/**
 * The opportunity a document (sales order, service order, contract) is linked to: a link with its title, and its
 * current status and stage when the API sent them (`opportunity` is filled on single-record reads only).
 */
export function OpportunityLink({ id, opportunity, label }: { id: string; opportunity?: OpportunityBadge | null | undefined; label?: string }) {
  return (
    <p class="header-meta">
      {label && <span>{label}:</span>}
      <a href={href(`/oportunidades/${encodeURIComponent(id)}`)}>{opportunity?.title ?? 'Abrir oportunidade'}</a>
      {opportunity && <StatusBadge status={opportunity.status} styles={OPPORTUNITY_STATUS} />}
      {opportunity?.stageName && <span class="cell-secondary">Etapa: {opportunity.stageName}</span>}
    </p>
  );
}
