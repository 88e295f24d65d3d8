namespace CrmSaaS.Functions.Tests; public class SmokeTests { [Fact] public void Builds() => 1.ShouldBe(1); }
