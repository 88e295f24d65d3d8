using ETag = Azure.ETag;
using CrmSaaS.Functions.Customers;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Storage;

namespace CrmSaaS.Functions.Catalogue;

/// <summary>
/// Services, products, categories and product/service types. Codes are unique per kind through index rows
/// (<c>service-code|&lt;CODE&gt;</c>, <c>product-code|&lt;CODE&gt;</c>) added in the record's own batch. A record that
/// other records use (a <c>ref|&lt;kind&gt;|&lt;id&gt;|…</c> row exists) is not deleted: it can be deactivated instead.
/// </summary>
public sealed class CatalogueStore(TenantTable table, AuditLog audit, TimeProvider clock)
{
    public const string ServiceKind = "service";
    public const string ProductKind = "product";
    public const string CategoryKind = "category";
    public const string TypeKind = "pstype";

    public const string ServiceNotFound = "Serviço não encontrado.";
    public const string ProductNotFound = "Produto não encontrado.";
    public const string CategoryNotFound = "Categoria não encontrada.";
    public const string TypeNotFound = "Tipo de produto ou serviço não encontrado.";

    public static string ServiceKey(string id) => KeyRange.Key(ServiceKind, id);

    public static string ServiceCodeKey(string code) => KeyRange.Key("service-code", CatalogueRules.IndexCode(code));

    public static string ProductKey(string id) => KeyRange.Key(ProductKind, id);

    public static string ProductCodeKey(string code) => KeyRange.Key("product-code", CatalogueRules.IndexCode(code));

    public static string CategoryKey(string id) => KeyRange.Key(CategoryKind, id);

    public static string TypeKey(string id) => KeyRange.Key(TypeKind, id);

    // ---- reads other features use ----

    public async Task<Service?> FindServiceAsync(string? id, CancellationToken ct = default) =>
        await FindRowAsync(ServiceKind, id, ct) is { } row ? Service.From(row) : null;

    /// <summary>The services among <paramref name="ids"/> that exist (read in parallel, one get each).</summary>
    public async Task<IReadOnlyDictionary<string, Service>> FindServicesAsync(IEnumerable<string> ids, CancellationToken ct = default)
    {
        var found = await Task.WhenAll(ids.Distinct(StringComparer.Ordinal).Select(id => FindServiceAsync(id, ct)));
        return found.OfType<Service>().ToDictionary(s => s.Id, StringComparer.Ordinal);
    }

    public async Task<Product?> FindProductAsync(string? id, CancellationToken ct = default) =>
        await FindRowAsync(ProductKind, id, ct) is { } row ? Product.From(row) : null;

    public async Task<Category?> FindCategoryAsync(string? id, CancellationToken ct = default) =>
        await FindRowAsync(CategoryKind, id, ct) is { } row ? Category.From(row) : null;

    public async Task<ProductServiceType?> FindTypeAsync(string? id, CancellationToken ct = default) =>
        await FindRowAsync(TypeKind, id, ct) is { } row ? ProductServiceType.From(row) : null;

    // ---- services ----

    public async Task<Service> CreateServiceAsync(ServiceFields fields, CancellationToken ct = default)
    {
        var category = await RequireCategoryForAsync(fields.CategoryId, ct);
        var id = Ids.New();
        var row = table.NewEntity(ServiceKey(id));
        row["Id"] = id;
        Apply(row, fields, category);
        row["Active"] = fields.Active ?? true;
        row.StampCreated(table.Context, clock.GetUtcNow());

        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.Add, row),
            new(TableTransactionActionType.Add, CodeIndex(ServiceCodeKey(fields.Code), "ServiceId", id)),
        };
        if (category is not null)
        {
            actions.Add(new(TableTransactionActionType.UpsertReplace, CategoryRef(category.Id, id, fields)));
        }

        actions.Add(audit.Entry(ServiceKind, id, "created", fields.Code));
        await SubmitGuardingCodeAsync(actions, $"Já existe um serviço com o código {fields.Code}.", ct);
        return Service.From(row);
    }

    public Task<Page<Service>> ListServicesAsync(string? q, bool? active, int pageSize, string? continuation, CancellationToken ct = default) =>
        ListAsync(ServiceKind, q, ActiveFilter(active), pageSize, continuation, Service.From, ct);

    public async Task<Service> GetServiceAsync(string id, CancellationToken ct = default) =>
        Service.From(await RequireRowAsync(ServiceKind, id, ServiceNotFound, ct));

    public async Task<Service> UpdateServiceAsync(string id, ServiceFields fields, ETag ifMatch, CancellationToken ct = default)
    {
        var row = await RequireRowAsync(ServiceKind, id, ServiceNotFound, ct);
        RecordConventions.EnsureCurrent(row, ifMatch);
        var category = await RequireCategoryForAsync(fields.CategoryId, ct);
        var oldCode = row.GetString("Code") ?? "";
        var oldCategoryId = row.GetString("CategoryId");
        Apply(row, fields, category);
        row["Active"] = fields.Active ?? row.GetBoolean("Active") ?? true;
        row.StampUpdated(table.Context, clock.GetUtcNow());

        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpdateReplace, row, row.ETag) };
        if (!string.Equals(CatalogueRules.IndexCode(oldCode), CatalogueRules.IndexCode(fields.Code), StringComparison.Ordinal))
        {
            actions.Add(new(TableTransactionActionType.Delete, table.NewEntity(ServiceCodeKey(oldCode))));
            actions.Add(new(TableTransactionActionType.Add, CodeIndex(ServiceCodeKey(fields.Code), "ServiceId", id)));
        }

        if (oldCategoryId is not null && !string.Equals(oldCategoryId, category?.Id, StringComparison.Ordinal))
        {
            actions.Add(new(TableTransactionActionType.Delete, table.NewEntity(RecordConventions.RefKey(CategoryKind, oldCategoryId, ServiceKind, id))));
        }

        if (category is not null)
        {
            actions.Add(new(TableTransactionActionType.UpsertReplace, CategoryRef(category.Id, id, fields)));
        }

        actions.Add(audit.Entry(ServiceKind, id, "updated", fields.Code));
        await SubmitGuardingCodeAsync(actions, $"Já existe um serviço com o código {fields.Code}.", ct);
        return Service.From(row);
    }

    public async Task DeleteServiceAsync(string id, ETag ifMatch, CancellationToken ct = default)
    {
        var row = await RequireRowAsync(ServiceKind, id, ServiceNotFound, ct);
        RecordConventions.EnsureCurrent(row, ifMatch);
        await EnsureNotReferencedAsync(ServiceKind, id,
            "Este serviço não pode ser excluído: está em uso ({0}). Desative-o (ativo = não) para que não seja mais oferecido.", ct);

        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.Delete, row, row.ETag),
            new(TableTransactionActionType.Delete, table.NewEntity(ServiceCodeKey(row.GetString("Code") ?? ""))),
        };
        if (row.GetString("CategoryId") is { } categoryId)
        {
            actions.Add(new(TableTransactionActionType.Delete, table.NewEntity(RecordConventions.RefKey(CategoryKind, categoryId, ServiceKind, id))));
        }

        actions.Add(audit.Entry(ServiceKind, id, "deleted", row.GetString("Code")));
        await table.SubmitAsync(actions, ct);
    }

    // ---- products ----

    public async Task<Product> CreateProductAsync(ProductFields fields, CancellationToken ct = default)
    {
        var id = Ids.New();
        var row = table.NewEntity(ProductKey(id));
        row["Id"] = id;
        Apply(row, fields);
        row["Active"] = fields.Active ?? true;
        row.StampCreated(table.Context, clock.GetUtcNow());
        await SubmitGuardingCodeAsync(
            [
                new(TableTransactionActionType.Add, row),
                new(TableTransactionActionType.Add, CodeIndex(ProductCodeKey(fields.Code), "ProductId", id)),
                audit.Entry(ProductKind, id, "created", fields.Code),
            ],
            $"Já existe um produto com o código {fields.Code}.",
            ct);
        return Product.From(row);
    }

    public Task<Page<Product>> ListProductsAsync(string? q, bool? active, int pageSize, string? continuation, CancellationToken ct = default) =>
        ListAsync(ProductKind, q, ActiveFilter(active), pageSize, continuation, Product.From, ct);

    public async Task<Product> GetProductAsync(string id, CancellationToken ct = default) =>
        Product.From(await RequireRowAsync(ProductKind, id, ProductNotFound, ct));

    public async Task<Product> UpdateProductAsync(string id, ProductFields fields, ETag ifMatch, CancellationToken ct = default)
    {
        var row = await RequireRowAsync(ProductKind, id, ProductNotFound, ct);
        RecordConventions.EnsureCurrent(row, ifMatch);
        var oldCode = row.GetString("Code") ?? "";
        Apply(row, fields);
        row["Active"] = fields.Active ?? row.GetBoolean("Active") ?? true;
        row.StampUpdated(table.Context, clock.GetUtcNow());

        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpdateReplace, row, row.ETag) };
        if (!string.Equals(CatalogueRules.IndexCode(oldCode), CatalogueRules.IndexCode(fields.Code), StringComparison.Ordinal))
        {
            actions.Add(new(TableTransactionActionType.Delete, table.NewEntity(ProductCodeKey(oldCode))));
            actions.Add(new(TableTransactionActionType.Add, CodeIndex(ProductCodeKey(fields.Code), "ProductId", id)));
        }

        actions.Add(audit.Entry(ProductKind, id, "updated", fields.Code));
        await SubmitGuardingCodeAsync(actions, $"Já existe um produto com o código {fields.Code}.", ct);
        return Product.From(row);
    }

    public async Task DeleteProductAsync(string id, ETag ifMatch, CancellationToken ct = default)
    {
        var row = await RequireRowAsync(ProductKind, id, ProductNotFound, ct);
        RecordConventions.EnsureCurrent(row, ifMatch);
        await EnsureNotReferencedAsync(ProductKind, id,
            "Este produto não pode ser excluído: está em uso ({0}). Desative-o (ativo = não) para que não seja mais oferecido.", ct);
        await table.SubmitAsync(
            [
                new(TableTransactionActionType.Delete, row, row.ETag),
                new(TableTransactionActionType.Delete, table.NewEntity(ProductCodeKey(row.GetString("Code") ?? ""))),
                audit.Entry(ProductKind, id, "deleted", row.GetString("Code")),
            ],
            ct);
    }

    // ---- categories ----

    public async Task<Category> CreateCategoryAsync(string name, CancellationToken ct = default)
    {
        var id = Ids.New();
        var row = table.NewEntity(CategoryKey(id));
        row["Id"] = id;
        row["Name"] = name;
        row["SearchText"] = SearchText.Of(name);
        row.StampCreated(table.Context, clock.GetUtcNow());
        await table.SubmitAsync([new(TableTransactionActionType.Add, row), audit.Entry(CategoryKind, id, "created", name)], ct);
        return Category.From(row);
    }

    public Task<Page<Category>> ListCategoriesAsync(string? q, int pageSize, string? continuation, CancellationToken ct = default) =>
        ListAsync(CategoryKind, q, null, pageSize, continuation, Category.From, ct);

    public async Task<Category> GetCategoryAsync(string id, CancellationToken ct = default) =>
        Category.From(await RequireRowAsync(CategoryKind, id, CategoryNotFound, ct));

    /// <summary>Renames a category. Services keep the name they were saved with until they are saved again.</summary>
    public async Task<Category> UpdateCategoryAsync(string id, string name, ETag ifMatch, CancellationToken ct = default)
    {
        var row = await RequireRowAsync(CategoryKind, id, CategoryNotFound, ct);
        RecordConventions.EnsureCurrent(row, ifMatch);
        row["Name"] = name;
        row["SearchText"] = SearchText.Of(name);
        row.StampUpdated(table.Context, clock.GetUtcNow());
        await table.SubmitAsync([new(TableTransactionActionType.UpdateReplace, row, row.ETag), audit.Entry(CategoryKind, id, "updated", name)], ct);
        return Category.From(row);
    }

    public async Task DeleteCategoryAsync(string id, ETag ifMatch, CancellationToken ct = default)
    {
        var row = await RequireRowAsync(CategoryKind, id, CategoryNotFound, ct);
        RecordConventions.EnsureCurrent(row, ifMatch);
        await EnsureNotReferencedAsync(CategoryKind, id,
            "Esta categoria não pode ser excluída: está em uso ({0}). Troque a categoria desses registros antes.", ct);
        await table.SubmitAsync([new(TableTransactionActionType.Delete, row, row.ETag), audit.Entry(CategoryKind, id, "deleted", row.GetString("Name"))], ct);
    }

    // ---- product/service types ----

    public async Task<ProductServiceType> CreateTypeAsync(string name, string kind, CancellationToken ct = default)
    {
        var id = Ids.New();
        var row = table.NewEntity(TypeKey(id));
        row["Id"] = id;
        ApplyType(row, name, kind);
        row.StampCreated(table.Context, clock.GetUtcNow());
        await table.SubmitAsync([new(TableTransactionActionType.Add, row), audit.Entry(TypeKind, id, "created", name)], ct);
        return ProductServiceType.From(row);
    }

    public Task<Page<ProductServiceType>> ListTypesAsync(string? q, string? kind, int pageSize, string? continuation, CancellationToken ct = default) =>
        ListAsync(TypeKind, q, kind is null ? null : TableClient.CreateQueryFilter($"Kind eq {kind}"), pageSize, continuation, ProductServiceType.From, ct);

    public async Task<ProductServiceType> GetTypeAsync(string id, CancellationToken ct = default) =>
        ProductServiceType.From(await RequireRowAsync(TypeKind, id, TypeNotFound, ct));

    public async Task<ProductServiceType> UpdateTypeAsync(string id, string name, string kind, ETag ifMatch, CancellationToken ct = default)
    {
        var row = await RequireRowAsync(TypeKind, id, TypeNotFound, ct);
        RecordConventions.EnsureCurrent(row, ifMatch);
        ApplyType(row, name, kind);
        row.StampUpdated(table.Context, clock.GetUtcNow());
        await table.SubmitAsync([new(TableTransactionActionType.UpdateReplace, row, row.ETag), audit.Entry(TypeKind, id, "updated", name)], ct);
        return ProductServiceType.From(row);
    }

    public async Task DeleteTypeAsync(string id, ETag ifMatch, CancellationToken ct = default)
    {
        var row = await RequireRowAsync(TypeKind, id, TypeNotFound, ct);
        RecordConventions.EnsureCurrent(row, ifMatch);
        await EnsureNotReferencedAsync(TypeKind, id, "Este tipo de produto ou serviço não pode ser excluído: está em uso ({0}).", ct);
        await table.SubmitAsync([new(TableTransactionActionType.Delete, row, row.ETag), audit.Entry(TypeKind, id, "deleted", row.GetString("Name"))], ct);
    }

    // ---- helpers ----

    private async Task<TableEntity?> FindRowAsync(string kind, string? id, CancellationToken ct) =>
        Ids.IsWellFormed(id) ? await table.GetAsync(KeyRange.Key(kind, id!), ct) : null;

    private async Task<TableEntity> RequireRowAsync(string kind, string id, string notFound, CancellationToken ct) =>
        await FindRowAsync(kind, id, ct) ?? throw AppException.NotFound(notFound);

    private async Task<Category?> RequireCategoryForAsync(string? categoryId, CancellationToken ct)
    {
        if (categoryId is null)
        {
            return null;
        }

        return await FindCategoryAsync(categoryId, ct) ?? throw AppException.Validation("categoryId", CategoryNotFound);
    }

    private async Task<Page<T>> ListAsync<T>(
        string kind, string? q, string? filter, int pageSize, string? continuation, Func<TableEntity, T> map, CancellationToken ct)
    {
        Func<TableEntity, bool>? match = string.IsNullOrWhiteSpace(q) ? null : row => SearchText.Matches(row.GetString("SearchText"), q);
        var page = await table.ScanPageAsync(kind + "|", pageSize, continuation, match, filter, ct: ct);
        return new Page<T>(page.Items.Select(map).ToList(), page.Continuation);
    }

    private static string? ActiveFilter(bool? active) => active is null ? null : TableClient.CreateQueryFilter($"Active eq {active.Value}");

    private async Task EnsureNotReferencedAsync(string kind, string id, string detailFormat, CancellationToken ct)
    {
        var reference = await table.FirstUnderAsync(RecordConventions.RefPrefix(kind, id), ct);
        if (reference is not null)
        {
            throw RecordConventions.InUse(string.Format(System.Globalization.CultureInfo.InvariantCulture, detailFormat, reference.GetString("SourceLabel")));
        }
    }

    private TableEntity CodeIndex(string key, string idProperty, string id)
    {
        var index = table.NewEntity(key);
        index[idProperty] = id;
        return index;
    }

    private TableEntity CategoryRef(string categoryId, string serviceId, ServiceFields fields) =>
        RecordConventions.NewRef(table, CategoryKind, categoryId, ServiceKind, serviceId, $"serviço {fields.Code}");

    /// <summary>A 409 from the batch can only be the code index row: the code is taken.</summary>
    private async Task SubmitGuardingCodeAsync(List<TableTransactionAction> actions, string duplicateDetail, CancellationToken ct)
    {
        try
        {
            await table.SubmitAsync(actions, ct);
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            throw AppException.Duplicate(duplicateDetail);
        }
    }

    private static void Apply(TableEntity row, ServiceFields fields, Category? category)
    {
        row["Code"] = fields.Code;
        row["Description"] = fields.Description;
        row["UnitPrice"] = fields.UnitPrice;
        row.SetOptional("CategoryId", category?.Id);
        row.SetOptional("CategoryName", category?.Name);
        row["MunicipalServiceCode"] = fields.MunicipalServiceCode;
        row.SetOptional("NationalTaxCode", fields.NationalTaxCode);
        row["IssRate"] = fields.IssRate;
        row["SearchText"] = fields.SearchText;
    }

    private static void Apply(TableEntity row, ProductFields fields)
    {
        row["Code"] = fields.Code;
        row["Description"] = fields.Description;
        row["Price"] = fields.Price;
        row["Stock"] = fields.Stock;
        row["Unit"] = fields.Unit;
        row["SearchText"] = fields.SearchText;
    }

    private static void ApplyType(TableEntity row, string name, string kind)
    {
        row["Name"] = name;
        row["Kind"] = kind;
        row["SearchText"] = SearchText.Of(name);
    }
}
