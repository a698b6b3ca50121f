// The tests drive ./build.sh, bash stand-ins and Unix file modes: they run on Linux and macOS only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
