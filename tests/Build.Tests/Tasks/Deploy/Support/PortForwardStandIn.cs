namespace Build.Tests.Tasks.Deploy.Support;

/// <summary>
/// The body of the kubectl stand-in's <c>port-forward</c>: what kubectl does once it reached a pod (client-go
/// tools/portforward/portforward.go, read 2026-12-07) — listen on 127.0.0.1 at a free port when the local port is
/// empty, print <c>Forwarding from 127.0.0.1:&lt;local&gt; -&gt; &lt;remote&gt;</c>, and pass every connection on — here
/// to a real server on this machine instead of a pod.
/// </summary>
public static class PortForwardStandIn
{
    public const string Script = """
        import socket, sys, threading

        host, port = sys.argv[1].rsplit(":", 1)
        server = socket.socket()
        server.bind(("127.0.0.1", 0))
        server.listen(16)
        print(f"Forwarding from 127.0.0.1:{server.getsockname()[1]} -> {sys.argv[2]}", flush=True)

        def pipe(source, sink):
            try:
                while data := source.recv(65536):
                    sink.sendall(data)
            except OSError:
                pass
            finally:
                for end in (source, sink):
                    try:
                        end.shutdown(socket.SHUT_RDWR)
                    except OSError:
                        pass

        while True:
            client, _ = server.accept()
            upstream = socket.create_connection((host, int(port)))
            for ends in ((client, upstream), (upstream, client)):
                threading.Thread(target=pipe, args=ends, daemon=True).start()
        """;
}
