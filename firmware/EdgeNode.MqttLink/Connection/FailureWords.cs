using System.Security.Authentication;
using EdgeNode.MqttLink.Tls;
using MQTTnet;
using MQTTnet.Exceptions;

namespace EdgeNode.MqttLink.Connection;

/// <summary>
/// Turns what MQTTnet reports (a CONNACK reason code, an exception with ours inside it, a disconnect reason) into one
/// <see cref="MqttConnectionFailure"/> and a sentence, so that a technician reads "refused credential", not a stack.
/// </summary>
internal static class FailureWords
{
    public static ConnectionProblem ForRefusal(MqttClientConnectResult result)
    {
        MqttConnectionFailure failure = result.ResultCode switch
        {
            MqttClientConnectResultCode.BadUserNameOrPassword => MqttConnectionFailure.RefusedCredentials,
            MqttClientConnectResultCode.NotAuthorized or MqttClientConnectResultCode.Banned => MqttConnectionFailure.NotAuthorised,
            MqttClientConnectResultCode.ClientIdentifierNotValid => MqttConnectionFailure.RefusedIdentifier,
            MqttClientConnectResultCode.UnsupportedProtocolVersion => MqttConnectionFailure.RefusedProtocolVersion,
            MqttClientConnectResultCode.ServerUnavailable or MqttClientConnectResultCode.ServerBusy
                or MqttClientConnectResultCode.ConnectionRateExceeded or MqttClientConnectResultCode.QuotaExceeded => MqttConnectionFailure.ServerUnavailable,
            _ => MqttConnectionFailure.ProtocolViolation,
        };
        string why = string.IsNullOrEmpty(result.ReasonString) ? "" : $": {result.ReasonString}";
        return new ConnectionProblem(failure, $"the broker refused the connection: CONNACK 0x{(int)result.ResultCode:X2} ({result.ResultCode}){why}");
    }

    /// <param name="timedOut">Our connect timeout fired (rather than the client being stopped).</param>
    public static ConnectionProblem ForConnectException(Exception exception, PinnedAuthorityValidator? validator, string tlsHost, TimeSpan connectTimeout, bool timedOut)
    {
        if (Find<BrokerUnreachableException>(exception) is { } unreachable)
        {
            return new ConnectionProblem(MqttConnectionFailure.Unreachable, unreachable.Message);
        }

        if (validator?.Failure is { } refusedCertificate)
        {
            return new ConnectionProblem(MqttConnectionFailure.TlsFailure, $"TLS with {tlsHost}: {refusedCertificate}");
        }

        if (Find<AuthenticationException>(exception) is { } tls)
        {
            return new ConnectionProblem(MqttConnectionFailure.TlsFailure, $"TLS with {tlsHost}: {tls.Message}");
        }

        if (timedOut || Find<MqttCommunicationTimedOutException>(exception) is not null)
        {
            return new ConnectionProblem(MqttConnectionFailure.ConnectionLost, $"no CONNACK within {connectTimeout.TotalSeconds:0.#} s");
        }

        if (Find<MqttProtocolViolationException>(exception) is { } violation)
        {
            return new ConnectionProblem(MqttConnectionFailure.ProtocolViolation, violation.Message);
        }

        return new ConnectionProblem(MqttConnectionFailure.ConnectionLost, $"handshake failed: {Innermost(exception).Message}");
    }

    public static ConnectionProblem ForLoss(MqttClientDisconnectedEventArgs disconnected, TimeSpan keepAlive)
    {
        if (disconnected.Reason == MqttClientDisconnectReason.KeepAliveTimeout
            || disconnected.Exception is OperationCanceledException or MqttCommunicationTimedOutException)
        {
            return new ConnectionProblem(MqttConnectionFailure.KeepAliveTimeout, $"no answer to PINGREQ within {keepAlive.TotalSeconds / 2:0.#} s (keep-alive {keepAlive.TotalSeconds:0.#} s)");
        }

        if (Find<MqttClientUnexpectedDisconnectReceivedException>(disconnected.Exception) is not null
            || disconnected.Reason is not (MqttClientDisconnectReason.NormalDisconnection or MqttClientDisconnectReason.UnspecifiedError))
        {
            // MQTT 5 lets the broker say why it closed the connection (e.g. SessionTakenOver when another client took our id).
            string why = string.IsNullOrEmpty(disconnected.ReasonString) ? "" : $": {disconnected.ReasonString}";
            return new ConnectionProblem(MqttConnectionFailure.ConnectionLost, $"the broker closed the connection: DISCONNECT 0x{(int)disconnected.Reason:X2} ({disconnected.Reason}){why}");
        }
        if (Find<MqttProtocolViolationException>(disconnected.Exception) is { } violation)
        {
            return new ConnectionProblem(MqttConnectionFailure.ProtocolViolation, violation.Message);
        }

        return disconnected.Exception is { } e
            ? new ConnectionProblem(MqttConnectionFailure.ConnectionLost, Innermost(e).Message)
            : new ConnectionProblem(MqttConnectionFailure.ConnectionLost, "the broker closed the connection");
    }

    private static T? Find<T>(Exception? exception) where T : Exception
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }

            if (e is AggregateException { InnerExceptions.Count: > 0 } aggregate && Find<T>(aggregate.InnerExceptions[0]) is { } inAggregate)
            {
                return inAggregate;
            }
        }
        return null;
    }

    private static Exception Innermost(Exception exception)
    {
        Exception e = exception;
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e;
    }
}
