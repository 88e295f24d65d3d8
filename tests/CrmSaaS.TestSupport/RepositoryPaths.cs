namespace CrmSaaS.TestSupport;

/// <summary>Finds the repository root (the folder holding tools/package.json) from the test binaries.</summary>
public static class RepositoryPaths
{
    public static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "tools", "package.json")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Repository root (tools/package.json) not found above " + AppContext.BaseDirectory);
    }

    public static string ToolsNodeModules() => Path.Combine(Root(), "tools", "node_modules");
}
