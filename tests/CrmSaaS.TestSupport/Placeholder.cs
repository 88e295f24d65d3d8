namespace CrmSaaS.TestSupport; internal static class Placeholder { }
