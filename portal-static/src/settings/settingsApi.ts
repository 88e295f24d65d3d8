import type { WithEtag } from '../api/client';
import { ApiError } from '../api/problem';
import { staffApi } from '../auth/session';

export interface PipelineStage {
  id: string;
  name: string;
  order: number;
  /** Open opportunities in the stage (settings answer): a stage holding some cannot be removed. */
  openCount?: number;
  openTotal?: number;
}

export interface PipelineSettings {
  stages: PipelineStage[];
  etag?: string;
}

/** A stage as sent back on save: new stages have no id yet (the server gives them one). */
export interface PipelineStageInput {
  id: string | null;
  name: string;
  order: number;
}

/** Order → CRM integration (Centrium): what a confirmed sales order generates in the CRM. */
export interface OrderCrmSettings {
  enabled: boolean;
  defaultGenerate: boolean;
  stageId: string;
  ownerId: string | null;
  titlePattern: string;
  taskAssigneeId: string | null;
  taskDueDays: number;
  showProjectAndContract: boolean;
  /** Names of the chosen people, from the server (so they show even when the users list is not available). */
  ownerName?: string | null;
  taskAssigneeName?: string | null;
  etag?: string;
}

export const DEFAULT_TITLE_PATTERN = 'Pedido {numero} - {cliente}';

export function getPipelineSettings(signal?: AbortSignal): Promise<WithEtag<PipelineSettings>> {
  return staffApi.getWithEtag<PipelineSettings>('/api/settings/pipeline', signal ? { signal } : {});
}

export function savePipelineSettings(stages: PipelineStageInput[], etag: string | null): Promise<PipelineSettings> {
  return staffApi.put<PipelineSettings>('/api/settings/pipeline', { stages }, { ifMatch: etag });
}

export function getOrderCrmSettings(signal?: AbortSignal): Promise<WithEtag<OrderCrmSettings>> {
  return staffApi.getWithEtag<OrderCrmSettings>('/api/settings/order-crm', signal ? { signal } : {});
}

export function saveOrderCrmSettings(settings: Omit<OrderCrmSettings, 'etag' | 'ownerName' | 'taskAssigneeName'>, etag: string | null): Promise<OrderCrmSettings> {
  return staffApi.put<OrderCrmSettings>('/api/settings/order-crm', settings, { ifMatch: etag });
}

/** Stages in their pipeline order. */
export function sortedStages(stages: readonly PipelineStage[]): PipelineStage[] {
  return [...stages].sort((a, b) => a.order - b.order);
}

/**
 * The pipeline's stages for any staff screen. The settings endpoint is for admins; other roles
 * read the stage list from the kanban (one card per column is enough to get the columns).
 */
export async function getStages(signal?: AbortSignal): Promise<PipelineStage[]> {
  try {
    const settings = await getPipelineSettings(signal);
    return sortedStages(settings.data.stages ?? []);
  } catch (e) {
    if (!(e instanceof ApiError) || (e.status !== 403 && e.status !== 401)) throw e;
    const board = await staffApi.get<{ stages: { id: string; name: string }[] }>('/api/opportunities/kanban', { query: { pageSize: 1 }, ...(signal ? { signal } : {}) });
    return board.stages.map((s, i) => ({ id: s.id, name: s.name, order: i }));
  }
}
