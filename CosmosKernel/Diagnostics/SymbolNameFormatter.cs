namespace CosmosKernel.Diagnostics
{
    /// <summary>
    /// Turns ilc's linker names into C#-style names for reports. ilc names a method
    /// "&lt;Assembly&gt;_&lt;Namespace_Type&gt;__&lt;Method&gt;" (CosmosKernel_CosmosKernel_Console_SerialPort__Write becomes
    /// CosmosKernel.Console.SerialPort.Write) and a type's MethodTable "_ZTV&lt;length&gt;&lt;Assembly&gt;_&lt;Namespace_Type&gt;"
    /// (_ZTV32Libc_System_InvalidCastException becomes System.InvalidCastException). A few core types carry
    /// no assembly prefix (String__Concat, _ZTV6Object). Underscores inside a namespace or type name cannot be
    /// told apart from separators, so such names come out with dots there; the raw name is unambiguous in
    /// kernel.symbols. Writes into a caller's buffer: no heap. Pure logic: compiled into the host tests.
    /// </summary>
    internal static unsafe class SymbolNameFormatter
    {
        /// <summary>
        /// Formats a method symbol name into <paramref name="destination"/> (at most <paramref name="capacity"/>
        /// characters, truncated beyond). Names without "__" (assembly routines, export aliases) are copied
        /// unchanged. Returns the number of characters written.
        /// </summary>
        public static int FormatMethodName(byte* name, int length, char* destination, int capacity)
        {
            int separator = FindDoubleUnderscore(name, length);
            if (separator < 0)
            {
                return Copy(name, length, destination, 0, capacity);
            }
            int written = FormatTypePart(name, separator, destination, capacity);
            written = Append('.', destination, written, capacity);
            byte* method = name + separator + 2;
            int methodLength = length - separator - 2;
            if (methodLength > 0 && method[0] == (byte)'_')
            {
                // "_ctor", "_cctor": ilc writes the leading dot of .ctor as an underscore.
                written = Append('.', destination, written, capacity);
                method++;
                methodLength--;
            }
            return Copy(method, methodLength, destination, written, capacity);
        }

        /// <summary>
        /// Formats a type's MethodTable symbol name ("_ZTV" + decimal length + name; the prefix is optional)
        /// into <paramref name="destination"/>. Returns the number of characters written.
        /// </summary>
        public static int FormatTypeName(byte* name, int length, char* destination, int capacity)
        {
            if (length > 4 && name[0] == (byte)'_' && name[1] == (byte)'Z' && name[2] == (byte)'T' && name[3] == (byte)'V')
            {
                name += 4;
                length -= 4;
                while (length > 0 && name[0] >= (byte)'0' && name[0] <= (byte)'9')
                {
                    name++;
                    length--;
                }
            }
            return FormatTypePart(name, length, destination, capacity);
        }

        // "Assembly_Namespace_Type" -> "Namespace.Type"; a name without an underscore is used as it is.
        private static int FormatTypePart(byte* name, int length, char* destination, int capacity)
        {
            int start = 0;
            for (int i = 0; i < length; i++)
            {
                if (name[i] == (byte)'_')
                {
                    start = i + 1;
                    break;
                }
            }
            int written = 0;
            for (int i = start; i < length; i++)
            {
                written = Append(name[i] == (byte)'_' ? '.' : (char)name[i], destination, written, capacity);
            }
            return written;
        }

        private static int FindDoubleUnderscore(byte* name, int length)
        {
            for (int i = 1; i + 1 < length; i++)
            {
                if (name[i] == (byte)'_' && name[i + 1] == (byte)'_')
                {
                    return i;
                }
            }
            return -1;
        }

        private static int Copy(byte* source, int length, char* destination, int written, int capacity)
        {
            for (int i = 0; i < length; i++)
            {
                written = Append((char)source[i], destination, written, capacity);
            }
            return written;
        }

        private static int Append(char character, char* destination, int written, int capacity)
        {
            if (written < capacity)
            {
                destination[written] = character;
                return written + 1;
            }
            return written;
        }
    }
}
