using System.Runtime;
using System.Text;

namespace System
{
    public sealed partial class String
    {
        /// <summary>Composite formatting: "{0}", "{1:X8}", "{0,-10}", "{{" and "}}" for braces (see StringBuilder.AppendFormat).</summary>
        public static string Format(string format, object argument0) => FormatReleasing(format, new object[] { argument0 });

        public static string Format(string format, object argument0, object argument1) => FormatReleasing(format, new object[] { argument0, argument1 });

        public static string Format(string format, object argument0, object argument1, object argument2)
            => FormatReleasing(format, new object[] { argument0, argument1, argument2 });

        public static string Format(string format, params object[] args)
        {
            if (args == null)
            {
                ThrowHelpers.ThrowArgumentNullException("args");
            }
            return FormatCore(format, args);
        }

        /// <summary>The provider is accepted for source compatibility and ignored (there is only the invariant culture).</summary>
        public static string Format(IFormatProvider provider, string format, params object[] args) => Format(format, args);

        public static string Format(IFormatProvider provider, string format, object argument0) => Format(format, argument0);

        public static string Format(IFormatProvider provider, string format, object argument0, object argument1) => Format(format, argument0, argument1);

        /// <summary>Format over an argument array allocated here, which is freed once the text is built.</summary>
        private static string FormatReleasing(string format, object[] arguments)
        {
            string result = FormatCore(format, arguments);
            StorageRelease.Release(arguments);
            return result;
        }

        private static string FormatCore(string format, object[] arguments)
        {
            if (format == null)
            {
                ThrowHelpers.ThrowArgumentNullException("format");
            }
            StringBuilder builder = new StringBuilder(format.Length + 8 * arguments.Length);
            builder.AppendFormat(format, arguments);
            string result = builder.ToStringAndRelease();
            StorageRelease.Release(builder);
            return result;
        }
    }
}
