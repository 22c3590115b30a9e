using System;
using System.IO;

namespace Cosmos.Testing
{
    /// <summary>Finds the repository and the built OS image from wherever the test assembly runs (bin/Release/net10.0/...).</summary>
    public static class RepositoryLayout
    {
        public const string SolutionFileName = "Cosmos.sln";

        /// <summary>The image path relative to the repository root, as build.sh writes it.</summary>
        public static readonly string RelativeImagePath = Path.Combine("iso", "out", "os.iso");

        /// <summary>The folder holding Cosmos.sln, found by walking up from the test assembly's directory.</summary>
        public static string FindRoot()
        {
            string start = AppContext.BaseDirectory;
            for (DirectoryInfo directory = new DirectoryInfo(start); directory != null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, SolutionFileName)))
                {
                    return directory.FullName;
                }
            }

            throw new DirectoryNotFoundException(
                $"No {SolutionFileName} in {start} or any folder above it; the tests must run from a build inside the repository.");
        }

        /// <summary>
        /// The OS image to boot: COSMOS_OS_IMAGE when set, else iso/out/os.iso under the repository root. Throws with the
        /// command that builds it when it is missing, because that is the usual reason and the fix is one command.
        /// </summary>
        public static string FindImage()
        {
            string overridePath = Environment.GetEnvironmentVariable("COSMOS_OS_IMAGE");
            string path = string.IsNullOrWhiteSpace(overridePath) ? Path.Combine(FindRoot(), RelativeImagePath) : overridePath.Trim();
            if (!File.Exists(path))
            {
                throw new FileNotFoundException(
                    $"The OS image {path} does not exist. Build it first with `./build.sh iso` from the repository root " +
                    "(`./build.sh test` builds it and then runs the tests).", path);
            }

            return path;
        }
    }
}
