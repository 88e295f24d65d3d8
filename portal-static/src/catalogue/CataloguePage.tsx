import { useEffect, useState } from 'preact/hooks';
import { useAction, useFieldErrors, useResource } from '../app/hooks';
import { navigate, withQuery } from '../app/router';
import { usePagedList } from '../app/usePagedList';
import { useCanWrite } from '../auth/permissions';
import { formatDecimalBR } from '../format/lineMath';
import { formatMoney } from '../format/money';
import { PageHeader } from '../layout/PageHeader';
import { Badge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { EmptyState } from '../ui/EmptyState';
import { ErrorBanner } from '../ui/ErrorBanner';
import { Checkbox, MoneyField, SelectField, TextField } from '../ui/Field';
import { ConfirmDialog, Modal } from '../ui/Modal';
import { Pagination } from '../ui/Pagination';
import { SearchBox } from '../ui/SearchBox';
import { Table, type Column } from '../ui/Table';
import { Tabs } from '../ui/Tabs';
import { toast } from '../ui/Toast';
import {
  KIND_LABELS,
  allCategories,
  createCategory,
  createProduct,
  createService,
  createType,
  deleteCategory,
  deleteProduct,
  deleteService,
  deleteType,
  listCategories,
  listProducts,
  listServices,
  listTypes,
  updateCategory,
  updateProduct,
  updateService,
  updateType,
  type Category,
  type Product,
  type ProductServiceKind,
  type ProductServiceType,
  type Service,
} from './catalogueApi';
import {
  EMPTY_PRODUCT_FORM,
  EMPTY_SERVICE_FORM,
  productInput,
  productToForm,
  serviceInput,
  serviceToForm,
  validateName,
  validateProduct,
  validateService,
  type ProductForm,
  type ServiceForm,
} from './catalogueForms';

const TABS = ['servicos', 'produtos', 'categorias', 'tipos'] as const;

/** Catálogo: services (with NFS-e data), products, categories and product/service types. */
export function CataloguePage({ tab }: { tab: string | null }) {
  const selected = tab && (TABS as readonly string[]).includes(tab) ? tab : 'servicos';
  return (
    <>
      <PageHeader title="Catálogo" description="Serviços e produtos que você vende, com preços e dados fiscais, e suas classificações." />
      <Tabs
        label="Seções do catálogo"
        selected={selected}
        onSelect={(next) => navigate(withQuery('/catalogo', { aba: next === 'servicos' ? null : next }), { replace: true })}
        tabs={[
          { id: 'servicos', label: 'Serviços', panel: () => <ServicesTab /> },
          { id: 'produtos', label: 'Produtos', panel: () => <ProductsTab /> },
          { id: 'categorias', label: 'Categorias', panel: () => <CategoriesTab /> },
          { id: 'tipos', label: 'Tipos', panel: () => <TypesTab /> },
        ]}
      />
    </>
  );
}

function ActiveBadge({ active }: { active: boolean }) {
  return active ? <Badge tone="success">Ativo</Badge> : <Badge>Inativo</Badge>;
}

/** Edit / Excluir buttons of a catalogue row. */
function RowActions({ name, onEdit, onDelete }: { name: string; onEdit: () => void; onDelete: () => void }) {
  return (
    <div class="row-actions">
      <Button variant="ghost" size="sm" onClick={onEdit} aria-label={`Editar ${name}`}>
        Editar
      </Button>
      <Button variant="ghost" size="sm" class="text-danger" onClick={onDelete} aria-label={`Excluir ${name}`}>
        Excluir
      </Button>
    </div>
  );
}

function useDelete<T extends { id: string; etag?: string }>(remove: (id: string, etag: string | null) => Promise<void>, done: string, reload: () => void) {
  const [target, setTarget] = useState<T | null>(null);
  const action = useAction(async () => {
    if (!target) return;
    await remove(target.id, target.etag ?? null);
    toast.success(done);
    setTarget(null);
    reload();
  });
  return {
    target,
    ask: (item: T) => {
      action.setError(null);
      setTarget(item);
    },
    cancel: () => setTarget(null),
    action,
  };
}

// ---------- Services ----------

function ServicesTab() {
  const canWrite = useCanWrite('catalogue');
  const [q, setQ] = useState('');
  const list = usePagedList<Service>((args) => listServices(args, { q }), [q]);
  const [editing, setEditing] = useState<Service | 'new' | null>(null);
  const del = useDelete<Service>(deleteService, 'Serviço excluído.', list.reload);

  const columns: Column<Service>[] = [
    { key: 'code', header: 'Código', render: (s) => <span class="nowrap">{s.code}</span> },
    { key: 'description', header: 'Descrição', render: (s) => <span class="cell-primary">{s.description}</span> },
    { key: 'category', header: 'Categoria', render: (s) => s.categoryName ?? '' },
    { key: 'price', header: 'Preço', align: 'end', render: (s) => <span class="nowrap">{formatMoney(s.unitPrice ?? 0)}</span> },
    { key: 'iss', header: 'ISS', align: 'end', render: (s) => `${formatDecimalBR(s.issRate ?? 0)}%` },
    { key: 'active', header: 'Situação', render: (s) => <ActiveBadge active={s.active !== false} /> },
  ];
  if (canWrite) columns.push({ key: 'actions', header: 'Ações', headerHidden: true, align: 'end', render: (s) => <RowActions name={s.description} onEdit={() => setEditing(s)} onDelete={() => del.ask(s)} /> });

  return (
    <section aria-label="Serviços">
      <div class="toolbar">
        <SearchBox label="Buscar serviços por código ou descrição" placeholder="Buscar por código ou descrição" onSearch={setQ} />
        {canWrite && <Button onClick={() => setEditing('new')}>Novo serviço</Button>}
      </div>
      <ErrorBanner error={list.error} onRetry={list.reload} />
      {!list.loading && !list.error && list.items.length === 0 && q === '' ? (
        <EmptyState title="Nenhum serviço cadastrado" action={canWrite && <Button onClick={() => setEditing('new')}>Cadastrar serviço</Button>}>
          Serviços entram nas oportunidades, soluções, contratos e notas fiscais de serviço (NFS-e).
        </EmptyState>
      ) : (
        <>
          <Table caption="Serviços" columns={columns} rows={list.items} rowKey={(s) => s.id} loading={list.loading} empty={`Nenhum serviço encontrado para “${q}”.`} />
          <Pagination shown={list.items.length} hasMore={list.hasMore} loading={list.loadingMore} onLoadMore={list.loadMore} pageSize={list.pageSize} onPageSizeChange={list.setPageSize} />
        </>
      )}
      <ServiceDialog
        open={editing !== null}
        service={editing && editing !== 'new' ? editing : null}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          list.reload();
        }}
      />
      <ConfirmDialog
        open={del.target !== null}
        title="Excluir serviço?"
        message={
          del.target && (
            <p>
              O serviço <strong>{del.target.description}</strong> será excluído. Se ele já foi usado em oportunidades, soluções ou contratos, desative-o em vez de excluir.
            </p>
          )
        }
        confirmLabel="Excluir"
        busy={del.action.busy}
        error={del.action.error}
        onConfirm={() => void del.action.run()}
        onCancel={del.cancel}
      />
    </section>
  );
}

function ServiceDialog({ open, service, onClose, onSaved }: { open: boolean; service: Service | null; onClose: () => void; onSaved: () => void }) {
  const [form, setForm] = useState<ServiceForm>(EMPTY_SERVICE_FORM);
  const categories = useResource((signal) => (open ? allCategories(signal) : Promise.resolve([] as Category[])), [open]);
  const save = useAction(async () => {
    if (service) {
      await updateService(service.id, serviceInput(form), service.etag ?? null);
      toast.success('Serviço atualizado.');
    } else {
      await createService(serviceInput(form));
      toast.success('Serviço cadastrado.');
    }
    onSaved();
  });
  const fields = useFieldErrors(save.error, { duplicate: 'code' });

  useEffect(() => {
    if (open) {
      setForm(service ? serviceToForm(service) : EMPTY_SERVICE_FORM);
      save.setError(null);
      fields.setClientErrors({});
    }
  }, [open]);

  const set = <K extends keyof ServiceForm>(key: K) => (value: ServiceForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    fields.clear(key);
  };

  const submit = (e: Event) => {
    e.preventDefault();
    const errors = validateService(form);
    fields.setClientErrors(errors);
    if (Object.keys(errors).length === 0) void save.run();
  };

  return (
    <Modal
      open={open}
      title={service ? 'Editar serviço' : 'Novo serviço'}
      onClose={onClose}
      busy={save.busy}
      size="lg"
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={save.busy}>
            Cancelar
          </Button>
          <Button type="submit" form="service-form" busy={save.busy}>
            Salvar
          </Button>
        </>
      }
    >
      <ErrorBanner error={fields.bannerError} fieldNames={Object.keys(EMPTY_SERVICE_FORM)} onReload={onSaved} />
      <form id="service-form" class="form" noValidate onSubmit={submit}>
        <div class="form-row">
          <TextField label="Código" name="code" value={form.code} onValue={set('code')} error={fields.errors['code']} maxLength={30} required />
          <MoneyField label="Preço unitário" name="unitPrice" value={form.unitPrice} onValue={set('unitPrice')} error={fields.errors['unitPrice']} required />
        </div>
        <TextField label="Descrição" name="description" value={form.description} onValue={set('description')} error={fields.errors['description']} maxLength={200} required />
        <SelectField
          label="Categoria padrão"
          name="categoryId"
          value={form.categoryId}
          onValue={set('categoryId')}
          options={(categories.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          placeholder={categories.loading ? 'Carregando…' : 'Nenhuma'}
          error={fields.errors['categoryId']}
        />
        <fieldset class="fieldset">
          <legend>Nota fiscal de serviço (NFS-e)</legend>
          <div class="form-row">
            <TextField
              label="Código de serviço municipal"
              name="municipalServiceCode"
              value={form.municipalServiceCode}
              onValue={set('municipalServiceCode')}
              error={fields.errors['municipalServiceCode']}
              hint="Item da lista de serviços (LC 116), ex.: 14.01."
              required
            />
            <TextField label="Alíquota do ISS (%)" name="issRate" inputMode="decimal" value={form.issRate} onValue={set('issRate')} error={fields.errors['issRate']} hint="Entre 2% e 5%." required />
          </div>
          <TextField
            label="Código de tributação nacional"
            name="nationalTaxCode"
            inputMode="numeric"
            maxLength={6}
            value={form.nationalTaxCode}
            onValue={set('nationalTaxCode')}
            error={fields.errors['nationalTaxCode']}
            hint="cTribNac, 6 dígitos (opcional)."
          />
        </fieldset>
        <Checkbox label="Ativo (disponível para novas vendas)" checked={form.active} onValue={set('active')} />
      </form>
    </Modal>
  );
}

// ---------- Products ----------

function ProductsTab() {
  const canWrite = useCanWrite('catalogue');
  const [q, setQ] = useState('');
  const list = usePagedList<Product>((args) => listProducts(args, { q }), [q]);
  const [editing, setEditing] = useState<Product | 'new' | null>(null);
  const del = useDelete<Product>(deleteProduct, 'Produto excluído.', list.reload);

  const columns: Column<Product>[] = [
    { key: 'code', header: 'Código', render: (p) => <span class="nowrap">{p.code}</span> },
    { key: 'description', header: 'Descrição', render: (p) => <span class="cell-primary">{p.description}</span> },
    { key: 'price', header: 'Preço', align: 'end', render: (p) => <span class="nowrap">{formatMoney(p.price ?? 0)}</span> },
    { key: 'stock', header: 'Estoque', align: 'end', render: (p) => `${formatDecimalBR(p.stock ?? 0)} ${p.unit ?? ''}` },
    { key: 'active', header: 'Situação', render: (p) => <ActiveBadge active={p.active !== false} /> },
  ];
  if (canWrite) columns.push({ key: 'actions', header: 'Ações', headerHidden: true, align: 'end', render: (p) => <RowActions name={p.description} onEdit={() => setEditing(p)} onDelete={() => del.ask(p)} /> });

  return (
    <section aria-label="Produtos">
      <div class="toolbar">
        <SearchBox label="Buscar produtos por código ou descrição" placeholder="Buscar por código ou descrição" onSearch={setQ} />
        {canWrite && <Button onClick={() => setEditing('new')}>Novo produto</Button>}
      </div>
      <ErrorBanner error={list.error} onRetry={list.reload} />
      {!list.loading && !list.error && list.items.length === 0 && q === '' ? (
        <EmptyState title="Nenhum produto cadastrado" action={canWrite && <Button onClick={() => setEditing('new')}>Cadastrar produto</Button>}>
          Produtos entram nos tickets das oportunidades e nos pedidos de venda.
        </EmptyState>
      ) : (
        <>
          <Table caption="Produtos" columns={columns} rows={list.items} rowKey={(p) => p.id} loading={list.loading} empty={`Nenhum produto encontrado para “${q}”.`} />
          <Pagination shown={list.items.length} hasMore={list.hasMore} loading={list.loadingMore} onLoadMore={list.loadMore} pageSize={list.pageSize} onPageSizeChange={list.setPageSize} />
        </>
      )}
      <ProductDialog
        open={editing !== null}
        product={editing && editing !== 'new' ? editing : null}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          list.reload();
        }}
      />
      <ConfirmDialog
        open={del.target !== null}
        title="Excluir produto?"
        message={
          del.target && (
            <p>
              O produto <strong>{del.target.description}</strong> será excluído. Se ele já foi vendido, desative-o em vez de excluir.
            </p>
          )
        }
        confirmLabel="Excluir"
        busy={del.action.busy}
        error={del.action.error}
        onConfirm={() => void del.action.run()}
        onCancel={del.cancel}
      />
    </section>
  );
}

function ProductDialog({ open, product, onClose, onSaved }: { open: boolean; product: Product | null; onClose: () => void; onSaved: () => void }) {
  const [form, setForm] = useState<ProductForm>(EMPTY_PRODUCT_FORM);
  const save = useAction(async () => {
    if (product) {
      await updateProduct(product.id, productInput(form), product.etag ?? null);
      toast.success('Produto atualizado.');
    } else {
      await createProduct(productInput(form));
      toast.success('Produto cadastrado.');
    }
    onSaved();
  });
  const fields = useFieldErrors(save.error, { duplicate: 'code' });

  useEffect(() => {
    if (open) {
      setForm(product ? productToForm(product) : EMPTY_PRODUCT_FORM);
      save.setError(null);
      fields.setClientErrors({});
    }
  }, [open]);

  const set = <K extends keyof ProductForm>(key: K) => (value: ProductForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    fields.clear(key);
  };

  const submit = (e: Event) => {
    e.preventDefault();
    const errors = validateProduct(form);
    fields.setClientErrors(errors);
    if (Object.keys(errors).length === 0) void save.run();
  };

  return (
    <Modal
      open={open}
      title={product ? 'Editar produto' : 'Novo produto'}
      onClose={onClose}
      busy={save.busy}
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={save.busy}>
            Cancelar
          </Button>
          <Button type="submit" form="product-form" busy={save.busy}>
            Salvar
          </Button>
        </>
      }
    >
      <ErrorBanner error={fields.bannerError} fieldNames={Object.keys(EMPTY_PRODUCT_FORM)} onReload={onSaved} />
      <form id="product-form" class="form" noValidate onSubmit={submit}>
        <div class="form-row">
          <TextField label="Código" name="code" value={form.code} onValue={set('code')} error={fields.errors['code']} maxLength={30} required />
          <TextField label="Unidade" name="unit" value={form.unit} onValue={set('unit')} error={fields.errors['unit']} maxLength={6} hint="UN, CX, KG, M…" required />
        </div>
        <TextField label="Descrição" name="description" value={form.description} onValue={set('description')} error={fields.errors['description']} maxLength={200} required />
        <div class="form-row">
          <MoneyField label="Preço" name="price" value={form.price} onValue={set('price')} error={fields.errors['price']} required />
          <TextField label="Estoque" name="stock" inputMode="decimal" value={form.stock} onValue={set('stock')} error={fields.errors['stock']} required />
        </div>
        <Checkbox label="Ativo (disponível para novas vendas)" checked={form.active} onValue={set('active')} />
      </form>
    </Modal>
  );
}

// ---------- Categories and types ----------

function CategoriesTab() {
  const canWrite = useCanWrite('catalogue');
  const [q, setQ] = useState('');
  const list = usePagedList<Category>((args) => listCategories(args, { q }), [q]);
  const [editing, setEditing] = useState<Category | 'new' | null>(null);
  const del = useDelete<Category>(deleteCategory, 'Categoria excluída.', list.reload);
  const columns: Column<Category>[] = [{ key: 'name', header: 'Categoria', render: (c) => <span class="cell-primary">{c.name}</span> }];
  if (canWrite) columns.push({ key: 'actions', header: 'Ações', headerHidden: true, align: 'end', render: (c) => <RowActions name={c.name} onEdit={() => setEditing(c)} onDelete={() => del.ask(c)} /> });

  return (
    <section aria-label="Categorias">
      <div class="toolbar">
        <SearchBox label="Buscar categorias" placeholder="Buscar categoria" onSearch={setQ} />
        {canWrite && <Button onClick={() => setEditing('new')}>Nova categoria</Button>}
      </div>
      <ErrorBanner error={list.error} onRetry={list.reload} />
      {!list.loading && !list.error && list.items.length === 0 && q === '' ? (
        <EmptyState title="Nenhuma categoria">Categorias classificam as receitas dos serviços (ex.: Manutenção, Consultoria, Instalação).</EmptyState>
      ) : (
        <>
          <Table caption="Categorias" columns={columns} rows={list.items} rowKey={(c) => c.id} loading={list.loading} empty={`Nenhuma categoria encontrada para “${q}”.`} />
          <Pagination shown={list.items.length} hasMore={list.hasMore} loading={list.loadingMore} onLoadMore={list.loadMore} pageSize={list.pageSize} />
        </>
      )}
      <NameDialog
        open={editing !== null}
        title={editing && editing !== 'new' ? 'Editar categoria' : 'Nova categoria'}
        what="da categoria"
        initialName={editing && editing !== 'new' ? editing.name : ''}
        onClose={() => setEditing(null)}
        onSave={async (name) => {
          if (editing && editing !== 'new') await updateCategory(editing.id, { name }, editing.etag ?? null);
          else await createCategory({ name });
          toast.success(editing && editing !== 'new' ? 'Categoria atualizada.' : 'Categoria cadastrada.');
          setEditing(null);
          list.reload();
        }}
      />
      <ConfirmDialog
        open={del.target !== null}
        title="Excluir categoria?"
        message={del.target && <p>A categoria <strong>{del.target.name}</strong> será excluída.</p>}
        confirmLabel="Excluir"
        busy={del.action.busy}
        error={del.action.error}
        onConfirm={() => void del.action.run()}
        onCancel={del.cancel}
      />
    </section>
  );
}

function TypesTab() {
  const canWrite = useCanWrite('catalogue');
  const [q, setQ] = useState('');
  const list = usePagedList<ProductServiceType>((args) => listTypes(args, { q }), [q]);
  const [editing, setEditing] = useState<ProductServiceType | 'new' | null>(null);
  const del = useDelete<ProductServiceType>(deleteType, 'Tipo excluído.', list.reload);
  const columns: Column<ProductServiceType>[] = [
    { key: 'name', header: 'Tipo', render: (t) => <span class="cell-primary">{t.name}</span> },
    { key: 'kind', header: 'Aplica-se a', render: (t) => KIND_LABELS[t.kind] ?? t.kind },
  ];
  if (canWrite) columns.push({ key: 'actions', header: 'Ações', headerHidden: true, align: 'end', render: (t) => <RowActions name={t.name} onEdit={() => setEditing(t)} onDelete={() => del.ask(t)} /> });

  return (
    <section aria-label="Tipos de produto e serviço">
      <div class="toolbar">
        <SearchBox label="Buscar tipos" placeholder="Buscar tipo" onSearch={setQ} />
        {canWrite && <Button onClick={() => setEditing('new')}>Novo tipo</Button>}
      </div>
      <ErrorBanner error={list.error} onRetry={list.reload} />
      {!list.loading && !list.error && list.items.length === 0 && q === '' ? (
        <EmptyState title="Nenhum tipo cadastrado">Tipos classificam os itens do inventário dos clientes (ex.: Impressora, Nobreak, Licença).</EmptyState>
      ) : (
        <>
          <Table caption="Tipos de produto e serviço" columns={columns} rows={list.items} rowKey={(t) => t.id} loading={list.loading} empty={`Nenhum tipo encontrado para “${q}”.`} />
          <Pagination shown={list.items.length} hasMore={list.hasMore} loading={list.loadingMore} onLoadMore={list.loadMore} pageSize={list.pageSize} />
        </>
      )}
      <NameDialog
        open={editing !== null}
        title={editing && editing !== 'new' ? 'Editar tipo' : 'Novo tipo'}
        what="do tipo"
        initialName={editing && editing !== 'new' ? editing.name : ''}
        kind={editing && editing !== 'new' ? (editing.kind as ProductServiceKind) : 'product'}
        onClose={() => setEditing(null)}
        onSave={async (name, kind) => {
          const input = { name, kind: kind ?? 'product' };
          if (editing && editing !== 'new') await updateType(editing.id, input, editing.etag ?? null);
          else await createType(input);
          toast.success(editing && editing !== 'new' ? 'Tipo atualizado.' : 'Tipo cadastrado.');
          setEditing(null);
          list.reload();
        }}
      />
      <ConfirmDialog
        open={del.target !== null}
        title="Excluir tipo?"
        message={del.target && <p>O tipo <strong>{del.target.name}</strong> será excluído.</p>}
        confirmLabel="Excluir"
        busy={del.action.busy}
        error={del.action.error}
        onConfirm={() => void del.action.run()}
        onCancel={del.cancel}
      />
    </section>
  );
}

interface NameDialogProps {
  open: boolean;
  title: string;
  what: string;
  initialName: string;
  /** Present for product/service types: asks whether the type applies to products or services. */
  kind?: ProductServiceKind;
  onClose: () => void;
  onSave: (name: string, kind?: ProductServiceKind) => Promise<void>;
}

function NameDialog({ open, title, what, initialName, kind, onClose, onSave }: NameDialogProps) {
  const [name, setName] = useState('');
  const [kindValue, setKindValue] = useState<ProductServiceKind>('product');
  const save = useAction(async () => onSave(name.trim(), kind === undefined ? undefined : kindValue));
  const fields = useFieldErrors(save.error);

  useEffect(() => {
    if (open) {
      setName(initialName);
      setKindValue(kind ?? 'product');
      save.setError(null);
      fields.setClientErrors({});
    }
  }, [open]);

  const submit = (e: Event) => {
    e.preventDefault();
    const errors = validateName(name, what);
    fields.setClientErrors(errors);
    if (Object.keys(errors).length === 0) void save.run();
  };

  return (
    <Modal
      open={open}
      title={title}
      onClose={onClose}
      busy={save.busy}
      size="sm"
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={save.busy}>
            Cancelar
          </Button>
          <Button type="submit" form="name-form" busy={save.busy}>
            Salvar
          </Button>
        </>
      }
    >
      <ErrorBanner error={save.error} fieldNames={['name', 'kind']} />
      <form id="name-form" class="form" noValidate onSubmit={submit}>
        <TextField
          label="Nome"
          name="name"
          value={name}
          onValue={(v) => {
            setName(v);
            fields.clear('name');
          }}
          error={fields.errors['name']}
          maxLength={100}
          required
        />
        {kind !== undefined && (
          <SelectField
            label="Aplica-se a"
            name="kind"
            value={kindValue}
            onValue={(v) => setKindValue(v as ProductServiceKind)}
            options={[
              { value: 'product', label: 'Produtos' },
              { value: 'service', label: 'Serviços' },
            ]}
            error={fields.errors['kind']}
          />
        )}
      </form>
    </Modal>
  );
}
