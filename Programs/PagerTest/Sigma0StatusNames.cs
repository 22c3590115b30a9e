using Cosmos.Api.Memory;

namespace Cosmos.Programs.PagerTest
{
    /// <summary>Sigma0's reply labels as words for the output (Libc's enums print their numbers).</summary>
    internal static class Sigma0StatusNames
    {
        public static string Of(Sigma0Status status)
        {
            switch (status)
            {
                case Sigma0Status.Success: return "success";
                case Sigma0Status.NoMemory: return "no memory";
                case Sigma0Status.AlreadyGiven: return "already given";
                case Sigma0Status.NotOwned: return "not owned";
                case Sigma0Status.NotRam: return "not RAM";
                case Sigma0Status.NotDeviceMemory: return "not device memory";
                case Sigma0Status.NotAuthorized: return "not authorized";
                case Sigma0Status.BadRequest: return "bad request";
                case Sigma0Status.MapFailed: return "map failed";
                default: return "status " + ((uint)status).ToString();
            }
        }
    }
}
