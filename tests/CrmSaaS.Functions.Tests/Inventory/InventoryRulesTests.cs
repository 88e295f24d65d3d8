using CrmSaaS.Functions.Inventory;
using CrmSaaS.Functions.Platform;

namespace CrmSaaS.Functions.Tests.Inventory;

public sealed class InventoryRulesTests
{
    [Theory]
    [InlineData("  ab 123-x ", "AB123-X")]
    [InlineData("sn\t00 7", "SN007")]
    [InlineData("ção-1", "ÇÃO-1")]
    [InlineData("   ", "")]
    [InlineData(null, "")]
    public void Serial_numbers_are_trimmed_upper_cased_and_lose_inner_spaces(string? typed, string expected) =>
        SerialNumbers.Normalize(typed).ShouldBe(expected);

    [Fact]
    public void Serial_number_problems_are_explained_in_portuguese()
    {
        SerialNumbers.Problem("").ShouldBe("Informe o número de série.");
        SerialNumbers.Problem(new string('A', 101)).ShouldBe("O número de série deve ter no máximo 100 caracteres.");
        SerialNumbers.Problem("AB\u0001C").ShouldBe("O número de série contém caracteres inválidos.");
        SerialNumbers.Problem(new string('A', 100)).ShouldBeNull();
    }

    [Fact]
    public void Key_part_escapes_characters_a_row_key_cannot_hold_and_keeps_prefixes_as_prefixes()
    {
        SerialNumbers.KeyPart("AB/12#3?X|Y\\Z%").ShouldBe("AB%2F12%233%3FX%7CY%5CZ%25");
        SerialNumbers.KeyPart("PLAIN-1.2_3").ShouldBe("PLAIN-1.2_3");

        var full = SerialNumbers.KeyPart("AB/12/99");
        full.ShouldStartWith(SerialNumbers.KeyPart("AB/1"));
        full.ShouldStartWith(SerialNumbers.KeyPart("AB/"));
        // Distinct serials stay distinct keys, even one that spells out an escape.
        SerialNumbers.KeyPart("A%2F").ShouldNotBe(SerialNumbers.KeyPart("A/"));
    }

    [Fact]
    public void Create_request_lists_every_missing_field()
    {
        var ex = Should.Throw<AppException>(() => InventoryRules.Check(new InventoryItemRequest(" ", null, "", null, null, null, null, null, null, null)));

        ex.Status.ShouldBe(400);
        ex.Errors!.Keys.ShouldBe(["serialNumber", "customerId", "contractId", "siteId", "typeId"], ignoreOrder: true);
        ex.Errors["serialNumber"].ShouldBe(["Informe o número de série."]);
        ex.Errors["contractId"].ShouldBe(["Informe o contrato."]);
        ex.Errors["typeId"].ShouldBe(["Informe o tipo de produto ou serviço."]);
    }

    [Fact]
    public void Create_request_keeps_the_typed_serial_and_the_normalised_one()
    {
        var input = InventoryRules.Check(new InventoryItemRequest(" sn 42-a ", "c1", "k1", "s1", "t1", "  Impressora  ", " ", null, null, new DateOnly(2027, 6, 30)));

        input.Serial.ShouldBe("SN42-A");
        input.SerialTyped.ShouldBe("sn 42-a");
        input.Description.ShouldBe("Impressora");
        input.Notes.ShouldBeNull();
        input.WarrantyUntil.ShouldBe(new DateOnly(2027, 6, 30));
    }

    [Fact]
    public void Description_and_notes_have_length_limits()
    {
        var ex = Should.Throw<AppException>(() => InventoryRules.Check(
            new InventoryItemRequest("A1", "c", "k", "s", "t", new string('d', 501), new string('n', 2001), null, null, null)));

        ex.Errors!["description"].ShouldBe(["A descrição deve ter no máximo 500 caracteres."]);
        ex.Errors["notes"].ShouldBe(["A observação deve ter no máximo 2000 caracteres."]);
    }

    [Fact]
    public void Registration_ignores_blank_lines_and_refuses_serials_repeated_in_the_list()
    {
        var ok = InventoryRules.Check(Register(["a1", "", "  ", "A 2"]));
        ok.Serials.Select(s => s.Serial).ShouldBe(["A1", "A2"]);
        ok.Serials[1].Typed.ShouldBe("A 2");

        var ex = Should.Throw<AppException>(() => InventoryRules.Check(Register(["a1", "B2", "a 1", "b2", "C3"])));
        ex.Errors!["serials"].ShouldBe(["Número(s) de série repetido(s) na lista: A1, B2."]);
    }

    [Fact]
    public void Registration_needs_serials_and_at_most_200_of_them()
    {
        Should.Throw<AppException>(() => InventoryRules.Check(Register(["", " "]))).Errors!["serials"]
            .ShouldBe(["Informe ao menos um número de série."]);
        Should.Throw<AppException>(() => InventoryRules.Check(Register(Enumerable.Range(1, 201).Select(i => $"S{i}").ToArray()))).Errors!["serials"]
            .ShouldBe(["Registre no máximo 200 números de série por vez."]);
        InventoryRules.Check(Register(Enumerable.Range(1, 200).Select(i => $"S{i}").ToArray())).Serials.Count.ShouldBe(200);
    }

    [Fact]
    public void Registration_from_an_order_needs_the_order_item()
    {
        var ex = Should.Throw<AppException>(() => InventoryRules.Check(Register(["A1"]) with { OrderId = "o1" }));
        ex.Errors!["orderItemId"].ShouldBe(["Informe o item do pedido que foi entregue."]);
    }

    [Fact]
    public void Contract_and_site_of_another_customer_are_refused()
    {
        var input = InventoryRules.Check(new InventoryItemRequest("A1", "c1", "k2", "s2", "t1", null, null, null, null, null));
        var v = new Validation();

        var ex = Should.Throw<AppException>(() => InventoryRules.Resolve(
            input,
            new CustomerRef("c1", "Alfa Ltda", "Alfa"),
            new ContractRef("k2", "c2", 17, "Suporte"),
            null,
            new TypeRef("t1", "Roteador"),
            null,
            null,
            null,
            v));

        ex.Status.ShouldBe(400);
        ex.Errors!["contractId"].ShouldBe(["O contrato nº 17 – Suporte não pertence a este cliente: escolha um contrato do cliente."]);
        ex.Errors["siteId"].ShouldBe(["O site informado não pertence a este cliente: escolha um site do cliente."]);
    }

    [Fact]
    public void Resolve_fills_the_names_the_lists_show()
    {
        var input = InventoryRules.Check(new InventoryItemRequest("ab 1", "c1", "k1", "s1", "t1", "Roteador Wi-Fi", null, "o1", null, null));

        var values = InventoryRules.Resolve(
            input,
            new CustomerRef("c1", "Padaria Conceição Ltda", "Pão da Vila"),
            new ContractRef("k1", "c1", 3, "Internet"),
            new SiteRef("s1", "c1", "Loja Centro"),
            new TypeRef("t1", "Roteador"),
            new OrderRef("o1", "c1", 1024, "Pedido", []),
            null,
            "I1",
            new Validation());

        values.CustomerName.ShouldBe("Padaria Conceição Ltda");
        values.SiteName.ShouldBe("Loja Centro");
        values.OrderNumber.ShouldBe(1024);
        values.OrderItemId.ShouldBe("I1");
        SearchText.Matches(values.SearchText, "conceicao centro").ShouldBeTrue();
        SearchText.Matches(values.SearchText, "pao da vila").ShouldBeTrue();
        SearchText.Matches(values.SearchText, "AB1").ShouldBeTrue();
    }

    [Fact]
    public void Order_of_another_customer_is_refused()
    {
        var input = InventoryRules.Check(new InventoryItemRequest("A1", "c1", "k1", "s1", "t1", null, null, "o1", null, null));

        var ex = Should.Throw<AppException>(() => InventoryRules.Resolve(
            input,
            new CustomerRef("c1", "Alfa", ""),
            new ContractRef("k1", "c1", 1, "X"),
            new SiteRef("s1", "c1", "Matriz"),
            new TypeRef("t1", "T"),
            new OrderRef("o1", "c2", 88, "Pedido", []),
            null,
            null,
            new Validation()));

        ex.Errors!["orderId"].ShouldBe(["O pedido nº 88 não pertence a este cliente."]);
    }

    [Fact]
    public void Serials_come_only_from_delivered_product_lines_up_to_their_quantity()
    {
        var order = new OrderRef("o1", "c1", 1024, "Pedido",
        [
            new OrderItemRef("I1", "product", "Roteador", 3),
            new OrderItemRef("I2", "service", "Instalação", 3),
        ]);

        InventoryRules.CheckOrderItem(order, "c1", "I1", 1, 2).Description.ShouldBe("Roteador");

        var tooMany = Should.Throw<AppException>(() => InventoryRules.CheckOrderItem(order, "c1", "I1", 2, 2));
        tooMany.Errors!["serials"].ShouldBe(["O item \"Roteador\" tem quantidade 3 e já possui 2 número(s) de série registrado(s): informe no máximo 1."]);

        var service = Should.Throw<AppException>(() => InventoryRules.CheckOrderItem(order, "c1", "I2", 1, 0));
        service.Errors!["orderItemId"].ShouldBe(["O item \"Instalação\" é um serviço: só produtos têm número de série."]);

        Should.Throw<AppException>(() => InventoryRules.CheckOrderItem(order, "c1", "I9", 1, 0)).Errors!["orderItemId"]
            .ShouldBe(["Item não encontrado neste pedido."]);
        Should.Throw<AppException>(() => InventoryRules.CheckOrderItem(order, "c2", "I1", 1, 0)).Errors!["orderId"]
            .ShouldBe(["O pedido nº 1024 não pertence a este cliente."]);
    }

    [Theory]
    [InlineData("Proposta", false)]
    [InlineData("Aprovado", false)]
    [InlineData("Cancelado", false)]
    [InlineData("Pedido", true)]
    [InlineData("FaturadoParcial", true)]
    [InlineData("Faturado", true)]
    public void Serials_are_registered_once_the_order_is_confirmed(string status, bool allowed)
    {
        var order = new OrderRef("o1", "c1", 7, status, [new OrderItemRef("I1", "product", "Switch", 1)]);

        if (allowed)
        {
            InventoryRules.CheckOrderItem(order, "c1", "I1", 1, 0).Id.ShouldBe("I1");
        }
        else
        {
            var ex = Should.Throw<AppException>(() => InventoryRules.CheckOrderItem(order, "c1", "I1", 1, 0));
            ex.Code.ShouldBe(ErrorCodes.InvalidState);
            ex.Message.ShouldBe($"O pedido nº 7 está em \"{status}\": os números de série são registrados depois que o pedido é confirmado e entregue.");
        }
    }

    [Fact]
    public void Changes_name_each_changed_field_with_before_and_after()
    {
        var before = new InventoryValues
        {
            Serial = "A1",
            SerialTyped = "a1",
            CustomerId = "c1",
            CustomerName = "Alfa",
            ContractId = "k1",
            ContractNumber = 1,
            ContractTitle = "Suporte",
            SiteId = "s1",
            SiteName = "Matriz",
            TypeId = "t1",
            TypeName = "Roteador",
            Description = "velho",
        };
        var after = before with
        {
            Serial = "A2",
            ContractId = "k2",
            ContractNumber = 2,
            ContractTitle = "Locação",
            Description = "novo",
            WarrantyUntil = new DateOnly(2027, 1, 31),
        };

        InventoryRules.Changes(before, after).ShouldBe(
        [
            "número de série: A1 → A2",
            "contrato: nº 1 – Suporte → nº 2 – Locação",
            "descrição",
            "garantia até: sem data → 31/01/2027",
        ]);
        InventoryRules.Changes(before, before with { SiteId = "s2", SiteName = "Filial" }).ShouldBeEmpty();
        InventoryRules.MoveDetail("Matriz", "Filial").ShouldBe("Site: Matriz → Filial");
    }

    [Fact]
    public void Duplicate_detail_names_the_customer_and_site_that_hold_the_serial() =>
        InventoryRules.DuplicateSerialDetail("AB123", "Alfa Ltda", "Matriz")
            .ShouldBe("O número de série AB123 já está cadastrado no item de Alfa Ltda (site Matriz).");

    private static RegisterSerialsRequest Register(string[] serials) =>
        new("c1", "k1", "s1", "t1", null, null, serials, null, null, null);
}
