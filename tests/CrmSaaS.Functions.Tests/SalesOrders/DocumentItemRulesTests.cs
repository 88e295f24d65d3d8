using CrmSaaS.Functions.Common;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.SalesOrders;

namespace CrmSaaS.Functions.Tests.SalesOrders;

public sealed class DocumentItemRulesTests
{
    private static readonly Dictionary<string, CatalogueEntry> Services = new()
    {
        ["s1"] = new CatalogueEntry("s1", "INST", "Instalação de câmera", 150m, true),
        ["old"] = new CatalogueEntry("old", "OLD", "Serviço antigo", 10m, false),
    };

    private static readonly Dictionary<string, CatalogueEntry> Products = new()
    {
        ["p1"] = new CatalogueEntry("p1", "CAM", "Câmera IP", 399.90m, true),
    };

    private static DocumentItemInput Service(decimal? quantity = 1, string? description = null, decimal? unitPrice = null, string? id = null) =>
        new(id, ItemKind.Service, "s1", null, description, quantity, unitPrice, null, null, null);

    private static (IReadOnlyList<DocumentItem> Items, AppException? Error) Build(
        IReadOnlyList<DocumentItemInput> inputs, IReadOnlyList<DocumentItem>? existing = null, bool servicesOnly = false)
    {
        var validation = new Validation();
        var items = DocumentItemRules.Build(inputs, existing ?? [], Services, Products, validation, servicesOnly);
        try
        {
            validation.ThrowIfInvalid();
            return (items, null);
        }
        catch (AppException ex)
        {
            return (items, ex);
        }
    }

    [Fact]
    public void A_catalogue_service_fills_description_code_and_price()
    {
        var (items, error) = Build([Service(quantity: 3)]);

        error.ShouldBeNull();
        var item = items.Single();
        item.Description.ShouldBe("Instalação de câmera");
        item.Code.ShouldBe("INST");
        item.UnitPrice.ShouldBe(150m);
        item.Gross.ShouldBe(450m);
        item.Total.ShouldBe(450m);
        item.Id.Length.ShouldBe(8);
    }

    [Fact]
    public void Discounts_round_half_away_from_zero_per_line()
    {
        var (items, _) = Build(
        [
            new DocumentItemInput(null, ItemKind.Product, null, "p1", null, 3, 33.33m, DiscountKind.Percent, 10, "Garantia de 1 ano"),
            new DocumentItemInput(null, ItemKind.Service, null, null, "Visita técnica", 1, 80m, DiscountKind.Amount, 5.555m, null),
        ]);

        items[0].Gross.ShouldBe(99.99m);
        items[0].DiscountAmount.ShouldBe(10m);
        items[0].Total.ShouldBe(89.99m);
        items[0].Note.ShouldBe("Garantia de 1 ano");
        items[1].DiscountAmount.ShouldBe(5.56m);
        items[1].Total.ShouldBe(74.44m);
        DocumentItemRules.Totals(items).ShouldBe(new LineAmounts(179.99m, 15.56m, 164.43m));
    }

    [Fact]
    public void Invalid_lines_get_numbered_portuguese_messages_per_field()
    {
        var (_, error) = Build(
        [
            new DocumentItemInput(null, ItemKind.Service, "missing", null, "X", 1, 10, null, null, null),
            new DocumentItemInput(null, ItemKind.Product, null, null, "Y", 1, 10, null, null, null),
            new DocumentItemInput(null, ItemKind.Service, null, null, "", 0, 10, null, null, null),
            new DocumentItemInput(null, ItemKind.Service, null, null, "Z", 2, 10, DiscountKind.Percent, 120, null),
            new DocumentItemInput(null, ItemKind.Service, "old", null, null, 1, null, null, null, null),
        ]);

        error.ShouldNotBeNull();
        error.Errors!["items[0].serviceId"].ShouldBe(["Item 1: serviço não encontrado no catálogo."]);
        error.Errors["items[1].productId"].ShouldBe(["Item 2: informe o produto."]);
        error.Errors["items[2].description"].ShouldBe(["Item 3: informe a descrição."]);
        error.Errors["items[2].quantity"].ShouldBe(["Item 3: a quantidade deve ser maior que zero."]);
        error.Errors["items[3].discount"].ShouldBe(["Item 4: o desconto percentual não pode ser maior que 100%."]);
        error.Errors["items[4].serviceId"].ShouldBe(["Item 5: o serviço \"Serviço antigo\" está inativo."]);
    }

    [Fact]
    public void Editing_keeps_the_line_id_billed_quantity_and_generated_tasks()
    {
        var (first, _) = Build([Service(quantity: 5)]);
        var existing = new[] { first[0] with { BilledQuantity = 1, TasksGenerated = 5 } };

        var (items, error) = Build([Service(quantity: 6, description: "Instalação no 2º andar", id: existing[0].Id)], existing);

        error.ShouldBeNull();
        items.Single().Id.ShouldBe(existing[0].Id);
        items.Single().BilledQuantity.ShouldBe(1);
        items.Single().TasksGenerated.ShouldBe(5);
        items.Single().Description.ShouldBe("Instalação no 2º andar");
    }

    [Fact]
    public void A_line_cannot_shrink_below_what_was_billed_or_what_generated_tasks()
    {
        var (first, _) = Build([Service(quantity: 15), Service(quantity: 4)]);
        var existing = new[] { first[0] with { TasksGenerated = 15 }, first[1] with { BilledQuantity = 3 } };

        var (_, error) = Build([Service(quantity: 10, id: existing[0].Id), Service(quantity: 2, id: existing[1].Id)], existing);

        error!.Errors!["items[0].quantity"].ShouldBe(["Item 1: o item já gerou 15 tarefa(s) no CRM; a quantidade não pode ser menor."]);
        error.Errors["items[1].quantity"].ShouldBe(["Item 2: a quantidade não pode ser menor que a já faturada (3)."]);
    }

    [Fact]
    public void A_billed_line_or_a_line_with_tasks_cannot_be_removed()
    {
        var (first, _) = Build([Service(quantity: 2), Service(quantity: 1, description: "Treinamento")]);
        var existing = new[] { first[0] with { BilledQuantity = 1 }, first[1] with { TasksGenerated = 1 } };

        var (_, error) = Build([], existing);

        error!.Errors!["items"].ShouldBe(
        [
            "O item \"Instalação de câmera\" já foi faturado e não pode ser removido.",
            "O item \"Treinamento\" já gerou 1 tarefa(s) no CRM e não pode ser removido.",
        ]);
    }

    [Fact]
    public void An_unknown_line_id_is_refused()
    {
        var (_, error) = Build([Service(id: "NOPE1234")]);

        error!.Errors!["items[0].id"].ShouldBe(["Item 1: item não encontrado neste documento."]);
    }

    [Fact]
    public void A_service_order_accepts_only_services()
    {
        var (_, error) = Build([new DocumentItemInput(null, ItemKind.Product, null, "p1", null, 1, null, null, null, null)], servicesOnly: true);

        error!.Errors!["items[0].kind"].ShouldBe(["Item 1: uma ordem de serviço aceita apenas serviços."]);
    }

    [Fact]
    public void Appending_adds_new_lines_after_the_existing_ones_with_fresh_ids()
    {
        var (first, _) = Build([Service(quantity: 2)]);
        var validation = new Validation();

        var items = DocumentItemRules.Append([Service(quantity: 1, id: first[0].Id)], first, Services, Products, validation);

        validation.IsValid.ShouldBeTrue();
        items.Count.ShouldBe(2);
        items[0].ShouldBe(first[0]);
        items[1].Id.ShouldNotBe(first[0].Id);
    }

    [Fact]
    public void More_than_the_maximum_of_lines_is_refused()
    {
        var (_, error) = Build(Enumerable.Range(0, DocumentItemRules.MaxItems + 1).Select(_ => Service()).ToList());

        error!.Errors!["items"].ShouldBe(["Um documento pode ter no máximo 100 itens."]);
    }

    [Fact]
    public void Items_survive_the_json_round_trip_with_lower_case_enums()
    {
        var (items, _) = Build([new DocumentItemInput(null, ItemKind.Service, "s1", null, null, 2, null, DiscountKind.Percent, 5, "Nota")]);

        var json = DocumentItemRules.Serialize(items);

        json.ShouldContain("\"kind\":\"service\"");
        json.ShouldContain("\"discountKind\":\"percent\"");
        DocumentItemRules.Deserialize(json).ShouldBe(items);
    }

    [Fact]
    public void Fractional_service_quantities_ask_for_a_task_per_started_unit()
    {
        var (items, _) = Build([Service(quantity: 2.5m)]);

        items[0].TaskUnits.ShouldBe(3);
    }
}
