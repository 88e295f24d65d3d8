using CrmSaaS.Functions.Customers;
using CrmSaaS.Functions.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrmSaaS.Functions.Catalogue;

/// <summary>The catalogue: reads by any staff, writes by admins only.</summary>
public static class CatalogueApi
{
    public static IEndpointRouteBuilder MapCatalogue(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/catalogue").WithTags("Catalogue").RequireStaff();

        group.MapPost("/services", CreateService).WithName(nameof(CreateService)).RequireStaff(Roles.Admin);
        group.MapGet("/services", ListServices).WithName(nameof(ListServices));
        group.MapGet("/services/{id}", GetService).WithName(nameof(GetService));
        group.MapPut("/services/{id}", UpdateService).WithName(nameof(UpdateService)).RequireStaff(Roles.Admin);
        group.MapDelete("/services/{id}", DeleteService).WithName(nameof(DeleteService)).RequireStaff(Roles.Admin);

        group.MapPost("/products", CreateProduct).WithName(nameof(CreateProduct)).RequireStaff(Roles.Admin);
        group.MapGet("/products", ListProducts).WithName(nameof(ListProducts));
        group.MapGet("/products/{id}", GetProduct).WithName(nameof(GetProduct));
        group.MapPut("/products/{id}", UpdateProduct).WithName(nameof(UpdateProduct)).RequireStaff(Roles.Admin);
        group.MapDelete("/products/{id}", DeleteProduct).WithName(nameof(DeleteProduct)).RequireStaff(Roles.Admin);

        group.MapPost("/categories", CreateCategory).WithName(nameof(CreateCategory)).RequireStaff(Roles.Admin);
        group.MapGet("/categories", ListCategories).WithName(nameof(ListCategories));
        group.MapGet("/categories/{id}", GetCategory).WithName(nameof(GetCategory));
        group.MapPut("/categories/{id}", UpdateCategory).WithName(nameof(UpdateCategory)).RequireStaff(Roles.Admin);
        group.MapDelete("/categories/{id}", DeleteCategory).WithName(nameof(DeleteCategory)).RequireStaff(Roles.Admin);

        group.MapPost("/product-service-types", CreateProductServiceType).WithName(nameof(CreateProductServiceType)).RequireStaff(Roles.Admin);
        group.MapGet("/product-service-types", ListProductServiceTypes).WithName(nameof(ListProductServiceTypes));
        group.MapGet("/product-service-types/{id}", GetProductServiceType).WithName(nameof(GetProductServiceType));
        group.MapPut("/product-service-types/{id}", UpdateProductServiceType).WithName(nameof(UpdateProductServiceType)).RequireStaff(Roles.Admin);
        group.MapDelete("/product-service-types/{id}", DeleteProductServiceType).WithName(nameof(DeleteProductServiceType)).RequireStaff(Roles.Admin);
        return app;
    }

    // ---- services ----

    public static async Task<Created<Service>> CreateService(ServiceRequest request, CatalogueStore store, HttpResponse response, CancellationToken ct)
    {
        var service = await store.CreateServiceAsync(CatalogueRules.Validate(request), ct);
        return TypedResults.Created($"/api/catalogue/services/{service.Id}", service.WithETagHeader(response));
    }

    public static async Task<Ok<Page<Service>>> ListServices(
        CatalogueStore store, string? q, string? active, int? pageSize, string? continuation, CancellationToken ct) =>
        TypedResults.Ok(await store.ListServicesAsync(q, CatalogueRules.ActiveFilter(active), Paging.Size(pageSize), continuation, ct));

    public static async Task<Ok<Service>> GetService(string id, CatalogueStore store, HttpResponse response, CancellationToken ct) =>
        TypedResults.Ok((await store.GetServiceAsync(id, ct)).WithETagHeader(response));

    public static async Task<Ok<Service>> UpdateService(string id, ServiceRequest request, CatalogueStore store, HttpContext http, CancellationToken ct)
    {
        var ifMatch = ETags.RequireIfMatch(http.Request);
        var service = await store.UpdateServiceAsync(id, CatalogueRules.Validate(request), ifMatch, ct);
        return TypedResults.Ok(service.WithETagHeader(http.Response));
    }

    public static async Task<NoContent> DeleteService(string id, CatalogueStore store, HttpRequest request, CancellationToken ct)
    {
        var ifMatch = ETags.RequireIfMatch(request);
        await store.DeleteServiceAsync(id, ifMatch, ct);
        return TypedResults.NoContent();
    }

    // ---- products ----

    public static async Task<Created<Product>> CreateProduct(ProductRequest request, CatalogueStore store, HttpResponse response, CancellationToken ct)
    {
        var product = await store.CreateProductAsync(CatalogueRules.Validate(request), ct);
        return TypedResults.Created($"/api/catalogue/products/{product.Id}", product.WithETagHeader(response));
    }

    public static async Task<Ok<Page<Product>>> ListProducts(
        CatalogueStore store, string? q, string? active, int? pageSize, string? continuation, CancellationToken ct) =>
        TypedResults.Ok(await store.ListProductsAsync(q, CatalogueRules.ActiveFilter(active), Paging.Size(pageSize), continuation, ct));

    public static async Task<Ok<Product>> GetProduct(string id, CatalogueStore store, HttpResponse response, CancellationToken ct) =>
        TypedResults.Ok((await store.GetProductAsync(id, ct)).WithETagHeader(response));

    public static async Task<Ok<Product>> UpdateProduct(string id, ProductRequest request, CatalogueStore store, HttpContext http, CancellationToken ct)
    {
        var ifMatch = ETags.RequireIfMatch(http.Request);
        var product = await store.UpdateProductAsync(id, CatalogueRules.Validate(request), ifMatch, ct);
        return TypedResults.Ok(product.WithETagHeader(http.Response));
    }

    public static async Task<NoContent> DeleteProduct(string id, CatalogueStore store, HttpRequest request, CancellationToken ct)
    {
        var ifMatch = ETags.RequireIfMatch(request);
        await store.DeleteProductAsync(id, ifMatch, ct);
        return TypedResults.NoContent();
    }

    // ---- categories ----

    public static async Task<Created<Category>> CreateCategory(CategoryRequest request, CatalogueStore store, HttpResponse response, CancellationToken ct)
    {
        var category = await store.CreateCategoryAsync(CatalogueRules.Validate(request), ct);
        return TypedResults.Created($"/api/catalogue/categories/{category.Id}", category.WithETagHeader(response));
    }

    public static async Task<Ok<Page<Category>>> ListCategories(
        CatalogueStore store, string? q, int? pageSize, string? continuation, CancellationToken ct) =>
        TypedResults.Ok(await store.ListCategoriesAsync(q, Paging.Size(pageSize), continuation, ct));

    public static async Task<Ok<Category>> GetCategory(string id, CatalogueStore store, HttpResponse response, CancellationToken ct) =>
        TypedResults.Ok((await store.GetCategoryAsync(id, ct)).WithETagHeader(response));

    public static async Task<Ok<Category>> UpdateCategory(string id, CategoryRequest request, CatalogueStore store, HttpContext http, CancellationToken ct)
    {
        var ifMatch = ETags.RequireIfMatch(http.Request);
        var category = await store.UpdateCategoryAsync(id, CatalogueRules.Validate(request), ifMatch, ct);
        return TypedResults.Ok(category.WithETagHeader(http.Response));
    }

    public static async Task<NoContent> DeleteCategory(string id, CatalogueStore store, HttpRequest request, CancellationToken ct)
    {
        var ifMatch = ETags.RequireIfMatch(request);
        await store.DeleteCategoryAsync(id, ifMatch, ct);
        return TypedResults.NoContent();
    }

    // ---- product/service types ----

    public static async Task<Created<ProductServiceType>> CreateProductServiceType(
        ProductServiceTypeRequest request, CatalogueStore store, HttpResponse response, CancellationToken ct)
    {
        var (name, kind) = CatalogueRules.Validate(request);
        var type = await store.CreateTypeAsync(name, kind, ct);
        return TypedResults.Created($"/api/catalogue/product-service-types/{type.Id}", type.WithETagHeader(response));
    }

    public static async Task<Ok<Page<ProductServiceType>>> ListProductServiceTypes(
        CatalogueStore store, string? q, string? kind, int? pageSize, string? continuation, CancellationToken ct)
    {
        var kindFilter = RecordConventions.Clean(kind)?.ToLowerInvariant();
        if (kindFilter is not null and not (ProductServiceType.ProductKind or ProductServiceType.ServiceKind))
        {
            throw AppException.Validation("kind", "Filtro inválido: use kind=product ou kind=service.");
        }

        return TypedResults.Ok(await store.ListTypesAsync(q, kindFilter, Paging.Size(pageSize), continuation, ct));
    }

    public static async Task<Ok<ProductServiceType>> GetProductServiceType(string id, CatalogueStore store, HttpResponse response, CancellationToken ct) =>
        TypedResults.Ok((await store.GetTypeAsync(id, ct)).WithETagHeader(response));

    public static async Task<Ok<ProductServiceType>> UpdateProductServiceType(
        string id, ProductServiceTypeRequest request, CatalogueStore store, HttpContext http, CancellationToken ct)
    {
        var ifMatch = ETags.RequireIfMatch(http.Request);
        var (name, kind) = CatalogueRules.Validate(request);
        var type = await store.UpdateTypeAsync(id, name, kind, ifMatch, ct);
        return TypedResults.Ok(type.WithETagHeader(http.Response));
    }

    public static async Task<NoContent> DeleteProductServiceType(string id, CatalogueStore store, HttpRequest request, CancellationToken ct)
    {
        var ifMatch = ETags.RequireIfMatch(request);
        await store.DeleteTypeAsync(id, ifMatch, ct);
        return TypedResults.NoContent();
    }
}
