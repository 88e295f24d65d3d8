import type { WithEtag } from '../api/client';
import { getPage, seg, type PageArgs, type Stamped } from '../api/lists';
import { staffApi } from '../auth/session';
import type { DiscountKind } from '../format/lineMath';

export interface SolutionLine {
  serviceId: string;
  description: string;
  categoryId?: string | null;
  categoryName?: string | null;
  quantity: number;
  unitPrice: number;
  discountKind: DiscountKind;
  discount: number;
}

/** Solução (Omie): a named set of service lines copied into an opportunity's ticket. */
export interface Solution extends Stamped {
  id: string;
  name: string;
  description?: string | null;
  /** An inactive solution is no longer offered on opportunities. */
  active?: boolean;
  lines: SolutionLine[];
  total?: number;
}

export interface SolutionInput {
  name: string;
  description: string;
  active: boolean;
  lines: Omit<SolutionLine, 'categoryName'>[];
}

const base = '/api/solutions';

export const listSolutions = (args: PageArgs, filters: { q?: string; active?: boolean } = {}) => getPage<Solution>(base, args, filters);

export function getSolution(id: string, signal?: AbortSignal): Promise<WithEtag<Solution>> {
  return staffApi.getWithEtag<Solution>(`${base}/${seg(id)}`, signal ? { signal } : {});
}

export const createSolution = (input: SolutionInput) => staffApi.post<Solution>(base, input);
export const updateSolution = (id: string, input: SolutionInput, etag: string | null) => staffApi.put<Solution>(`${base}/${seg(id)}`, input, { ifMatch: etag });
export const deleteSolution = (id: string, etag: string | null) => staffApi.delete(`${base}/${seg(id)}`, { ifMatch: etag });

export async function searchSolutions(term: string, signal: AbortSignal): Promise<{ id: string; label: string; detail?: string }[]> {
  const page = await listSolutions({ continuationToken: null, pageSize: 20, signal }, { q: term, active: true });
  return page.items.filter((s) => s.active !== false).map((s) => ({ id: s.id, label: s.name, detail: `${s.lines?.length ?? 0} serviço(s)` }));
}
