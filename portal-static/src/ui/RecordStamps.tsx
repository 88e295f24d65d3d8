import { formatDateTime } from '../format/date';

export interface RecordStampsProps {
  createdAt?: string | null | undefined;
  createdBy?: string | null | undefined;
  updatedAt?: string | null | undefined;
  updatedBy?: string | null | undefined;
}

/** "Criado em 15/07/2026 10:05 por Ana · Alterado em … por …": who touched a record and when. */
export function RecordStamps({ createdAt, createdBy, updatedAt, updatedBy }: RecordStampsProps) {
  const created = createdAt ? `Criado em ${formatDateTime(createdAt)}${createdBy ? ` por ${createdBy}` : ''}` : '';
  const changed = updatedAt && updatedAt !== createdAt ? `Alterado em ${formatDateTime(updatedAt)}${updatedBy ? ` por ${updatedBy}` : ''}` : '';
  const text = [created, changed].filter(Boolean).join(' · ');
  return text ? <p class="record-stamps muted">{text}</p> : null;
}
