using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

// Fails the build, naming each offending method, when an assembly compiled for the OS uses a C# feature
// the runtime does not support. Today that is generic virtual methods (a virtual or interface method with
// its own type parameters): ilc would route their calls through a type-loader lookup we do not implement,
// so we refuse them at build time rather than ever making a silent wrong call.
// Usage: IlChecks <assembly.dll>...   Exit code 0 = clean, 1 = violations found, 2 = bad input.

int violations = 0;
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: IlChecks <assembly.dll>...");
    return 2;
}

foreach (string path in args)
{
    try
    {
        using FileStream stream = File.OpenRead(path);
        using PEReader peReader = new PEReader(stream);
        MetadataReader reader = peReader.GetMetadataReader();
        foreach (MethodDefinitionHandle handle in reader.MethodDefinitions)
        {
            MethodDefinition method = reader.GetMethodDefinition(handle);
            bool isVirtual = (method.Attributes & MethodAttributes.Virtual) != 0;
            bool isStatic = (method.Attributes & MethodAttributes.Static) != 0;
            if (!isVirtual || isStatic || method.GetGenericParameters().Count == 0)
            {
                continue;
            }
            TypeDefinition declaringType = reader.GetTypeDefinition(method.GetDeclaringType());
            string typeName = FullName(reader, declaringType);
            string methodName = reader.GetString(method.Name);
            Console.Error.WriteLine($"error: {Path.GetFileName(path)}: generic virtual method {typeName}.{methodName}<{method.GetGenericParameters().Count} type parameter(s)> is not supported by this runtime; make it non-virtual or move the type parameter to the type");
            violations++;
        }
    }
    catch (Exception exception) when (exception is IOException or BadImageFormatException or InvalidOperationException)
    {
        Console.Error.WriteLine($"error: {path}: cannot read assembly: {exception.Message}");
        return 2;
    }
}

return violations == 0 ? 0 : 1;

static string FullName(MetadataReader reader, TypeDefinition type)
{
    List<string> parts = new List<string> { reader.GetString(type.Name) };
    TypeDefinitionHandle declaring = type.GetDeclaringType();
    while (!declaring.IsNil)
    {
        TypeDefinition outer = reader.GetTypeDefinition(declaring);
        parts.Insert(0, reader.GetString(outer.Name));
        type = outer;
        declaring = outer.GetDeclaringType();
    }
    string space = reader.GetString(type.Namespace);
    string name = string.Join(".", parts);
    return space.Length == 0 ? name : space + "." + name;
}
