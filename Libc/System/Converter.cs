namespace System
{
    /// <summary>Turns one value into another (List.ConvertAll, Array.ConvertAll).</summary>
    public delegate TOutput Converter<in TInput, out TOutput>(TInput input);
}
