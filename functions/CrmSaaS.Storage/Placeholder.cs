namespace CrmSaaS.Storage; internal static class Placeholder { }
