using Cosmos.Api.Devices;
using Cosmos.Api.Ipc;

namespace Cosmos.Drivers.Keyboard.Input
{
    /// <summary>
    /// A character-device Read as the keyboard driver checks it (<see cref="CharacterDeviceProtocol.Read"/>): two untyped
    /// words, the most bytes wanted (1 to <see cref="CharacterDeviceProtocol.MaximumBytes"/>) and the <see cref="ReadFlags"/>.
    /// Flag bits this driver does not know are ignored. Pure logic: host-tested.
    /// </summary>
    public readonly struct ReadRequest
    {
        private ReadRequest(int wanted, bool wait)
        {
            Wanted = wanted;
            Wait = wait;
        }

        /// <summary>The most bytes the caller takes.</summary>
        public int Wanted { get; }

        /// <summary>Answer only when there is a byte.</summary>
        public bool Wait { get; }

        /// <summary>Checks a request's tag and its two words; <see cref="CharacterDeviceStatus.Ok"/> with the request, or MalformedRequest.</summary>
        public static CharacterDeviceStatus TryParse(MessageTag tag, ulong wantedWord, ulong flagsWord, out ReadRequest request)
        {
            request = default;
            if (tag.UntypedCount != 2 || tag.TypedCount != 0 || wantedWord == 0 || wantedWord > CharacterDeviceProtocol.MaximumBytes)
            {
                return CharacterDeviceStatus.MalformedRequest;
            }

            request = new ReadRequest((int)wantedWord, (flagsWord & (ulong)ReadFlags.Wait) != 0);
            return CharacterDeviceStatus.Ok;
        }
    }
}
