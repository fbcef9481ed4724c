using Xunit;

namespace TwinLang.Compiler.Tests;

public sealed class ProjectTests
{
    [Fact]
    public void Load_PackageWithNestedDependency_CompilesEachFileOnceAndLeavesLockAloneWhenIgnored()
    {
        var root = Directory.CreateTempSubdirectory("twin-project-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "app", "libs", "cells"));
            Directory.CreateDirectory(Path.Combine(root, "shared"));
            File.WriteAllText(Path.Combine(root, "app", "twin.json"), """{ "package": "app", "version": "1.0.0", "dependencies": { "cells": { "path": "libs/cells" }, "shared": { "path": "../shared", "version": ">=0.1.0" } } }""");
            File.WriteAllText(Path.Combine(root, "app", "main.twin"), "");
            File.WriteAllText(Path.Combine(root, "app", "libs", "cells", "twin.json"), """{ "package": "cells", "version": "1.0.0" }""");
            File.WriteAllText(Path.Combine(root, "app", "libs", "cells", "cell.twin"), "");
            File.WriteAllText(Path.Combine(root, "shared", "twin.json"), """{ "package": "shared", "version": "0.2.0" }""");
            File.WriteAllText(Path.Combine(root, "shared", "common.twin"), "");

            var project = Project.Load(["app"], new ProjectOptions(root, LockFileMode.Ignore));

            Assert.Empty(project.Diagnostics);
            Assert.Equal(["app/libs/cells/cell.twin", "app/main.twin"], project.Sources.Select(s => s.Path));
            Assert.Equal(["shared/common.twin"], project.Libraries.Select(s => s.Path));
            Assert.Equal(["cells", "shared"], project.Packages.Select(p => p.Name));
            Assert.Equal(["libs/cells", "../shared"], project.Packages.Select(p => p.LockPath));
            Assert.False(File.Exists(Path.Combine(root, "app", "twin.lock.json")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [InlineData("app", "../cells", "cells")]
    [InlineData(".", "../cells", "../cells")]
    [InlineData("", "a.twin", "a.twin")]
    [InlineData("src\\models/", "./x/../y.twin", "src/models/y.twin")]
    [InlineData("../../a", "../../b", "../../../b")]
    [InlineData("/opt/lib", "std/units.twin", "/opt/lib/std/units.twin")]
    public void JoinDisplayPath_Parts_AreJoinedRelativeAndCollapsed(string given, string relative, string expected)
    {
        Assert.Equal(expected, SourceFolder.JoinDisplayPath(given, relative));
    }
}
