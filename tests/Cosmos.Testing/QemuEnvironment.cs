using System;
using System.Globalization;
using System.IO;

namespace Cosmos.Testing
{
    /// <summary>
    /// Host settings for the harness, each with a default that works on a Debian machine prepared by build.sh and an
    /// environment variable to override it:
    ///   COSMOS_QEMU                   the QEMU binary (default qemu-system-x86_64 from PATH)
    ///   COSMOS_QEMU_INSTANCES         how many QEMU processes may run at once in one test process (default 2)
    ///   COSMOS_QEMU_TIMEOUT_SECONDS   default timeout of every wait (default 120)
    ///   COSMOS_OVMF                   the UEFI firmware image (default: found in the ovmf package's directories)
    ///   COSMOS_OS_IMAGE               the image to boot (default iso/out/os.iso under the repository root)
    /// </summary>
    public static class QemuEnvironment
    {
        public static string QemuExecutable => Read("COSMOS_QEMU") ?? "qemu-system-x86_64";

        public static int MaximumConcurrentInstances
        {
            get
            {
                string value = Read("COSMOS_QEMU_INSTANCES");
                if (value != null && int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int count) && count > 0)
                {
                    return count;
                }

                // Two: the CI machines have two cores and TCG keeps one busy per running guest. More would only make every
                // boot slower without finishing the run sooner.
                return 2;
            }
        }

        public static TimeSpan DefaultTimeout
        {
            get
            {
                string value = Read("COSMOS_QEMU_TIMEOUT_SECONDS");
                if (value != null && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) && seconds > 0)
                {
                    return TimeSpan.FromSeconds(seconds);
                }

                return TimeSpan.FromSeconds(120);
            }
        }

        /// <summary>
        /// Finds OVMF. Debian's ovmf package ships a combined image (/usr/share/ovmf/OVMF.fd) that -bios accepts, and split
        /// code/variable images under /usr/share/OVMF that need two pflash drives; the combined image is preferred because it
        /// needs no writable variable store.
        /// </summary>
        public static UefiFirmware FindUefiFirmware()
        {
            string overridePath = Read("COSMOS_OVMF");
            if (overridePath != null)
            {
                if (!File.Exists(overridePath))
                {
                    throw new FileNotFoundException($"COSMOS_OVMF names {overridePath}, which does not exist.", overridePath);
                }

                return new UefiFirmware(overridePath, null);
            }

            string[] combinedImages = { "/usr/share/ovmf/OVMF.fd", "/usr/share/qemu/OVMF.fd" };
            foreach (string path in combinedImages)
            {
                if (File.Exists(path))
                {
                    return new UefiFirmware(path, null);
                }
            }

            (string Code, string Variables)[] splitImages =
            {
                ("/usr/share/OVMF/OVMF_CODE.fd", "/usr/share/OVMF/OVMF_VARS.fd"),
                ("/usr/share/OVMF/OVMF_CODE_4M.fd", "/usr/share/OVMF/OVMF_VARS_4M.fd"),
            };
            foreach ((string code, string variables) in splitImages)
            {
                if (File.Exists(code) && File.Exists(variables))
                {
                    return new UefiFirmware(code, variables);
                }
            }

            throw new FileNotFoundException(
                "No UEFI firmware found (looked for /usr/share/ovmf/OVMF.fd and /usr/share/OVMF/OVMF_CODE.fd). " +
                "Install the Debian package ovmf (./build.sh iso installs it) or set COSMOS_OVMF.");
        }

        private static string Read(string name)
        {
            string value = Environment.GetEnvironmentVariable(name);
            return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        }
    }

    /// <summary>
    /// A UEFI firmware image. <see cref="VariableStorePath"/> is null for a combined image given to -bios; otherwise the
    /// code image is mapped read-only and a private copy of the variable store is mapped writable.
    /// </summary>
    public sealed record UefiFirmware(string CodePath, string VariableStorePath);
}
