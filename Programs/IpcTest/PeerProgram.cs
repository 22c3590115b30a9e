namespace Cosmos.Programs.IpcTest
{
    /// <summary>The partner programs of Native/peers.asm, by the number ipctest_peer_code takes.</summary>
    internal enum PeerProgram
    {
        /// <summary>Answers every call with the message it received (words, string, capability). Argument: its port slot.</summary>
        Echo = 0,

        /// <summary>Makes N calls of one word i, expecting i + 1 back. Argument: N | port slot &lt;&lt; 32.</summary>
        Caller = 1,

        /// <summary>Waits on one notification and signals bit 0 on another, for ever. Argument: wait slot | signal slot &lt;&lt; 32.</summary>
        Relay = 2,

        /// <summary>Takes one call and ends its task without answering. Argument: its port slot.</summary>
        Vanish = 3,

        /// <summary>Takes one call and spins without answering until killed. Argument: its port slot.</summary>
        Hold = 4,

        /// <summary>Raises #UD at its first instruction (ud2, 2 bytes); resumed after it, ends its task with exit code 42.</summary>
        Fault = 5,
    }
}
