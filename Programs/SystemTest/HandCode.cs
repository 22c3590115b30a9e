namespace Cosmos.Programs.SystemTest
{
    /// <summary>The pieces of machine code in Native/hand_code.asm, by the number systest_hand_code takes; each starts a page.</summary>
    internal enum HandCode
    {
        /// <summary>ud2; ret.</summary>
        InvalidOpcode = 0,

        /// <summary>cli; ret.</summary>
        PrivilegedInstruction = 1,

        /// <summary>A loop of Yield system calls, without a stack.</summary>
        YieldLoop = 2,
    }
}
