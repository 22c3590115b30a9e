namespace System
{
    public delegate void Action();
    public delegate void Action<in T>(T argument);
    public delegate void Action<in T1, in T2>(T1 argument1, T2 argument2);
    public delegate void Action<in T1, in T2, in T3>(T1 argument1, T2 argument2, T3 argument3);
    public delegate void Action<in T1, in T2, in T3, in T4>(T1 argument1, T2 argument2, T3 argument3, T4 argument4);
}
