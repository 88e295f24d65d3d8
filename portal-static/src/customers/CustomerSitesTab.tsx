import { useEffect, useState } from 'preact/hooks';
import { etagOf } from '../api/lists';
import { useAction, useFieldErrors, useResource } from '../app/hooks';
import { useCanWrite } from '../auth/permissions';
import { UF_OPTIONS } from '../format/states';
import { Button } from '../ui/Button';
import { EmptyState } from '../ui/EmptyState';
import { ErrorBanner } from '../ui/ErrorBanner';
import { SelectField, TextArea, TextField } from '../ui/Field';
import { ConfirmDialog, Modal } from '../ui/Modal';
import { Table, type Column } from '../ui/Table';
import { toast } from '../ui/Toast';
import { EMPTY_SITE_FORM, siteInput, siteToForm, validateSite, type SiteForm } from './customerForm';
import { createSite, deleteSite, listSites, updateSite, type Site } from './customersApi';

/** Sites (locais) of a customer: where services happen and inventory items are installed. */
export function CustomerSitesTab({ customerId }: { customerId: string }) {
  const canWrite = useCanWrite('sites');
  const sites = useResource((signal) => listSites(customerId, signal), [customerId]);
  const [editing, setEditing] = useState<Site | 'new' | null>(null);
  const [removing, setRemoving] = useState<Site | null>(null);

  const remove = useAction(async () => {
    if (!removing) return;
    await deleteSite(customerId, removing.id, etagOf(removing));
    toast.success(`Local ${removing.name} excluído.`);
    setRemoving(null);
    sites.reload();
  });

  const columns: Column<Site>[] = [
    { key: 'name', header: 'Local', render: (s) => <span class="cell-primary">{s.name}</span> },
    { key: 'address', header: 'Endereço', render: (s) => s.address ?? '' },
    { key: 'city', header: 'Cidade', render: (s) => [s.city, s.state].filter(Boolean).join('/') },
  ];
  if (canWrite) {
    columns.push({
      key: 'actions',
      header: 'Ações',
      headerHidden: true,
      align: 'end',
      render: (s) => (
        <div class="row-actions">
          <Button variant="ghost" size="sm" onClick={() => setEditing(s)} aria-label={`Editar ${s.name}`}>
            Editar
          </Button>
          <Button
            variant="ghost"
            size="sm"
            class="text-danger"
            onClick={() => {
              remove.setError(null);
              setRemoving(s);
            }}
            aria-label={`Excluir ${s.name}`}
          >
            Excluir
          </Button>
        </div>
      ),
    });
  }

  const rows = sites.data ?? [];
  return (
    <section aria-label="Locais do cliente">
      <div class="panel-header">
        <h2 class="panel-title">Sites</h2>
        {canWrite && (
          <Button size="sm" onClick={() => setEditing('new')}>
            Novo site
          </Button>
        )}
      </div>
      <ErrorBanner error={sites.error} onRetry={sites.reload} />
      {!sites.loading && !sites.error && rows.length === 0 ? (
        <EmptyState title="Nenhum site cadastrado">Cadastre os locais do cliente (matriz, filiais, unidades) onde os serviços são prestados.</EmptyState>
      ) : (
        <Table caption="Sites do cliente" columns={columns} rows={rows} rowKey={(s) => s.id} loading={sites.loading} />
      )}
      <SiteDialog
        open={editing !== null}
        site={editing && editing !== 'new' ? editing : null}
        onClose={() => setEditing(null)}
        onReload={sites.reload}
        onSave={async (form) => {
          if (editing && editing !== 'new') {
            await updateSite(customerId, editing.id, siteInput(form), etagOf(editing));
            toast.success('Site atualizado.');
          } else {
            await createSite(customerId, siteInput(form));
            toast.success('Site cadastrado.');
          }
          setEditing(null);
          sites.reload();
        }}
      />
      <ConfirmDialog
        open={removing !== null}
        title="Excluir site?"
        message={removing && <p>O site <strong>{removing.name}</strong> será excluído. Itens de inventário instalados nele impedem a exclusão.</p>}
        confirmLabel="Excluir"
        busy={remove.busy}
        error={remove.error}
        onConfirm={() => void remove.run()}
        onCancel={() => setRemoving(null)}
      />
    </section>
  );
}

function SiteDialog({ open, site, onClose, onSave, onReload }: { open: boolean; site: Site | null; onClose: () => void; onSave: (form: SiteForm) => Promise<void>; onReload: () => void }) {
  const [form, setForm] = useState<SiteForm>(EMPTY_SITE_FORM);
  const save = useAction(async () => onSave(form));
  const fields = useFieldErrors(save.error);

  useEffect(() => {
    if (open) {
      setForm(site ? siteToForm(site) : EMPTY_SITE_FORM);
      save.setError(null);
      fields.setClientErrors({});
    }
  }, [open]);

  const set = (key: keyof SiteForm) => (value: string) => {
    setForm((f) => ({ ...f, [key]: value }));
    fields.clear(key);
  };

  const submit = (e: Event) => {
    e.preventDefault();
    const errors = validateSite(form);
    fields.setClientErrors(errors);
    if (Object.keys(errors).length === 0) void save.run();
  };

  return (
    <Modal
      open={open}
      title={site ? 'Editar site' : 'Novo site'}
      onClose={onClose}
      busy={save.busy}
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={save.busy}>
            Cancelar
          </Button>
          <Button type="submit" form="site-form" busy={save.busy}>
            Salvar
          </Button>
        </>
      }
    >
      <ErrorBanner
        error={save.error}
        fieldNames={['name', 'address', 'city', 'state', 'notes']}
        onReload={() => {
          onReload();
          onClose();
        }}
      />
      <form id="site-form" class="form" noValidate onSubmit={submit}>
        <TextField label="Nome do local" name="name" value={form.name} onValue={set('name')} error={fields.errors['name']} hint="Ex.: Matriz, Filial Campinas, Unidade Centro." required />
        <TextField label="Endereço" name="address" value={form.address} onValue={set('address')} error={fields.errors['address']} />
        <div class="form-row form-row-city">
          <TextField label="Cidade" name="city" value={form.city} onValue={set('city')} error={fields.errors['city']} />
          <SelectField label="UF" name="state" value={form.state} onValue={set('state')} options={UF_OPTIONS} placeholder="—" error={fields.errors['state']} />
        </div>
        <TextArea label="Observações" name="notes" rows={2} value={form.notes} onValue={set('notes')} error={fields.errors['notes']} />
      </form>
    </Modal>
  );
}
