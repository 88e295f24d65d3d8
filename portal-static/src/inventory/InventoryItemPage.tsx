import { useState } from 'preact/hooks';
import { useAction, useResource } from '../app/hooks';
import { href, navigate } from '../app/router';
import { useStore } from '../app/store';
import { hasAnyRole, staffSession } from '../auth/session';
import { formatDate, formatDateTime } from '../format';
import { PageHeader } from '../layout/PageHeader';
import { Button } from '../ui/Button';
import { ErrorBanner } from '../ui/ErrorBanner';
import { SelectField } from '../ui/Field';
import { ConfirmDialog, Modal } from '../ui/Modal';
import { RecordStamps } from '../ui/RecordStamps';
import { LoadingBlock } from '../ui/Spinner';
import { toast } from '../ui/Toast';
import { useCustomerChoices } from './choices';
import { INVENTORY_WRITERS, contractLabel, deleteInventoryItem, getInventoryItem, moveInventoryItem, type InventoryItem } from './inventoryApi';
import { HISTORY_ACTIONS } from './inventoryForm';

/** One inventory item: its data, its history (created, changed, moved) and the move to another site. */
export function InventoryItemPage({ id }: { id: string }) {
  const canWrite = hasAnyRole(useStore(staffSession), INVENTORY_WRITERS);
  const item = useResource((signal) => getInventoryItem(id, signal), [id]);
  const [pending, setPending] = useState<'move' | 'delete' | null>(null);

  if (item.loading && !item.data) return <LoadingBlock />;
  if (!item.data) {
    return (
      <>
        <PageHeader title="Item de inventário" />
        <ErrorBanner error={item.error} onRetry={item.reload} />
        <p>
          <a href={href('/inventario')}>← Voltar para o inventário</a>
        </p>
      </>
    );
  }
  const i = item.data.data;
  const etag = item.data.etag ?? i.etag ?? null;

  return (
    <>
      <PageHeader
        title={`Item ${i.serialNumber}`}
        description={`${i.typeName} · ${i.customerName}`}
        actions={
          canWrite && (
            <>
              <Button variant="secondary" onClick={() => setPending('move')}>
                Mover para outro site
              </Button>
              <Button onClick={() => navigate(`/inventario/${encodeURIComponent(id)}/editar`)}>Editar</Button>
            </>
          )
        }
      />
      <p class="breadcrumb">
        <a href={href('/inventario')}>← Inventário</a> · <a href={href(`/clientes/${encodeURIComponent(i.customerId)}`, { aba: 'inventario' })}>Inventário de {i.customerName}</a>
      </p>
      <ErrorBanner error={item.error} onRetry={item.reload} />
      <section class="card" aria-label="Dados do item">
        <dl class="details details-grid">
          <div>
            <dt>Número de série</dt>
            <dd>
              {i.serialNumber}
              {i.serialNumberTyped && i.serialNumberTyped !== i.serialNumber && <span class="muted small"> (digitado como {i.serialNumberTyped})</span>}
            </dd>
          </div>
          <div>
            <dt>Cliente</dt>
            <dd>
              <a href={href(`/clientes/${encodeURIComponent(i.customerId)}`)}>{i.customerName}</a>
            </dd>
          </div>
          <div>
            <dt>Contrato</dt>
            <dd>
              <a href={href(`/contratos/${encodeURIComponent(i.contractId)}`)}>{contractLabel({ number: i.contractNumber ?? null, title: i.contractTitle })}</a>
            </dd>
          </div>
          <div>
            <dt>Site</dt>
            <dd>{i.siteName}</dd>
          </div>
          <div>
            <dt>Tipo de produto ou serviço</dt>
            <dd>{i.typeName}</dd>
          </div>
          <div>
            <dt>Garantia até</dt>
            <dd>{i.warrantyUntil ? formatDate(i.warrantyUntil) : '—'}</dd>
          </div>
          {i.orderNumber ? (
            <div>
              <dt>Pedido de origem</dt>
              <dd>nº {i.orderNumber}</dd>
            </div>
          ) : null}
          {i.serviceOrderNumber ? (
            <div>
              <dt>Ordem de serviço</dt>
              <dd>nº {i.serviceOrderNumber}</dd>
            </div>
          ) : null}
          <div class="details-wide">
            <dt>Descrição</dt>
            <dd class="pre-wrap">{i.description || '—'}</dd>
          </div>
          <div class="details-wide">
            <dt>Observação</dt>
            <dd class="pre-wrap">{i.notes || '—'}</dd>
          </div>
        </dl>
        <RecordStamps createdAt={i.createdAt} createdBy={i.createdBy} updatedAt={i.updatedAt} updatedBy={i.updatedBy} />
        {canWrite && (
          <div class="form-actions form-actions-start">
            <Button variant="ghost" class="text-danger" onClick={() => setPending('delete')}>
              Excluir
            </Button>
          </div>
        )}
      </section>
      <History item={i} />
      {pending === 'move' && (
        <MoveDialog
          item={i}
          etag={etag}
          onClose={() => setPending(null)}
          onMoved={() => {
            setPending(null);
            item.reload();
          }}
          onReload={item.reload}
        />
      )}
      <DeleteDialog open={pending === 'delete'} item={i} etag={etag} onCancel={() => setPending(null)} />
    </>
  );
}

function History({ item }: { item: InventoryItem }) {
  const history = item.history ?? [];
  return (
    <section aria-labelledby="inventory-history-title">
      <h2 id="inventory-history-title" class="panel-title">
        Histórico
      </h2>
      {history.length === 0 ? (
        <p class="muted">Nenhum registro no histórico.</p>
      ) : (
        <ol class="timeline">
          {history.map((h, index) => (
            <li key={index} class="timeline-item">
              <div class="timeline-card">
                <p class="timeline-header">
                  <strong>{HISTORY_ACTIONS[h.action] ?? h.action}</strong> <span class="timeline-date">{formatDateTime(h.at)}</span>
                  {h.actorName && <span class="muted"> por {h.actorName}</span>}
                </p>
                {h.details && <p class="timeline-text pre-wrap">{h.details}</p>}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function MoveDialog({ item, etag, onClose, onMoved, onReload }: { item: InventoryItem; etag: string | null; onClose: () => void; onMoved: () => void; onReload: () => void }) {
  const choices = useCustomerChoices(item.customerId);
  const [siteId, setSiteId] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const others = choices.sites.filter((s) => s.value !== item.siteId);
  const move = useAction(async () => {
    const moved = await moveInventoryItem(item.id, siteId, etag);
    toast.success(`Item movido para ${moved.siteName}.`);
    onMoved();
  });
  return (
    <Modal
      open
      title="Mover item para outro site"
      onClose={onClose}
      busy={move.busy}
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={move.busy}>
            Cancelar
          </Button>
          <Button
            busy={move.busy}
            onClick={() => {
              const problem = siteId ? null : 'Escolha o site de destino.';
              setFieldError(problem);
              if (!problem) void move.run();
            }}
          >
            Mover
          </Button>
        </>
      }
    >
      <ErrorBanner error={move.error ?? choices.error} onReload={onReload} onRetry={choices.reload} />
      <p>
        O item <strong>{item.serialNumber}</strong> está no site <strong>{item.siteName}</strong>. Ele mantém o histórico; a mudança fica registrada com seu nome.
      </p>
      <SelectField
        label="Novo site"
        name="siteId"
        value={siteId}
        onValue={(v) => {
          setSiteId(v);
          setFieldError(null);
        }}
        options={others}
        placeholder={choices.loading ? 'Carregando…' : others.length ? 'Escolha o site' : 'O cliente não tem outro site'}
        error={fieldError}
        required
      />
    </Modal>
  );
}

function DeleteDialog({ open, item, etag, onCancel }: { open: boolean; item: InventoryItem; etag: string | null; onCancel: () => void }) {
  const remove = useAction(async () => {
    await deleteInventoryItem(item.id, etag);
    toast.success(`Item ${item.serialNumber} excluído.`);
    navigate('/inventario', { replace: true });
  });
  return (
    <ConfirmDialog
      open={open}
      title="Excluir item de inventário?"
      message={
        <p>
          O item <strong>{item.serialNumber}</strong> de {item.customerName} será excluído. O número de série fica livre para um novo cadastro.
        </p>
      }
      confirmLabel="Excluir"
      busy={remove.busy}
      error={remove.error}
      onConfirm={() => void remove.run()}
      onCancel={onCancel}
    />
  );
}
