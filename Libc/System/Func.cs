namespace System
{
    public delegate TResult Func<out TResult>();
    public delegate TResult Func<in T, out TResult>(T argument);
    public delegate TResult Func<in T1, in T2, out TResult>(T1 argument1, T2 argument2);
    public delegate TResult Func<in T1, in T2, in T3, out TResult>(T1 argument1, T2 argument2, T3 argument3);
    public delegate TResult Func<in T1, in T2, in T3, in T4, out TResult>(T1 argument1, T2 argument2, T3 argument3, T4 argument4);
    public delegate bool Predicate<in T>(T obj);
    public delegate int Comparison<in T>(T x, T y);
}
