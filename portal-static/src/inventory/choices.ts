import { useResource } from '../app/hooks';
import type { SelectOption } from '../ui/Field';
import { contractLabel, customerContracts, customerSites, productServiceTypes } from './inventoryApi';

export interface CustomerChoices {
  sites: SelectOption[];
  contracts: SelectOption[];
  loading: boolean;
  error: ReturnType<typeof useResource>['error'];
  reload: () => void;
}

/** The sites and contracts of a customer, as select options (empty until a customer is chosen). */
export function useCustomerChoices(customerId: string | null | undefined): CustomerChoices {
  const data = useResource(
    async (signal) => {
      if (!customerId) return { sites: [], contracts: [] };
      const [sites, contracts] = await Promise.all([customerSites(customerId, signal), customerContracts(customerId, signal)]);
      return {
        sites: sites.map((s) => ({ value: s.id, label: s.name })),
        contracts: contracts.map((c) => ({ value: c.id, label: contractLabel(c) })),
      };
    },
    [customerId ?? ''],
  );
  return { sites: data.data?.sites ?? [], contracts: data.data?.contracts ?? [], loading: data.loading, error: data.error, reload: data.reload };
}

export function useTypeChoices(): { types: SelectOption[]; error: ReturnType<typeof useResource>['error']; reload: () => void } {
  const data = useResource((signal) => productServiceTypes(signal), []);
  return { types: (data.data ?? []).map((t) => ({ value: t.id, label: t.name })), error: data.error, reload: data.reload };
}
