using Grpc.Core;
using Grpc.Reflection.V1;
using Microsoft.AspNetCore.Routing;

namespace Grpc.AspNetCore.Server.Reflection.Internal;

/// <summary>
/// Answers reflection requests (in their v1 form; v1alpha is wire-identical) from a <see cref="ReflectionIndex"/>
/// built on first use, when every service has been mapped.
/// </summary>
internal sealed class ReflectionRequestHandler
{
    private readonly Lazy<ReflectionIndex> _index;

    public ReflectionRequestHandler(EndpointDataSource endpoints)
    {
        _index = new Lazy<ReflectionIndex>(() => new ReflectionIndex(ServiceDescriptorDiscovery.Discover(endpoints)));
    }

    public ServerReflectionResponse Answer(ServerReflectionRequest request)
    {
        var index = _index.Value;
        var response = new ServerReflectionResponse { ValidHost = request.Host, OriginalRequest = request };
        switch (request.MessageRequestCase)
        {
            case ServerReflectionRequest.MessageRequestOneofCase.ListServices:
                var list = new ListServiceResponse();
                foreach (var name in index.ServiceNames)
                {
                    list.Service.Add(new ServiceResponse { Name = name });
                }

                response.ListServicesResponse = list;
                break;

            case ServerReflectionRequest.MessageRequestOneofCase.FileByFilename:
                SetFile(response, index, index.FindFileByName(request.FileByFilename), "File not found.");
                break;

            case ServerReflectionRequest.MessageRequestOneofCase.FileContainingSymbol:
                SetFile(response, index, index.FindFileContainingSymbol(request.FileContainingSymbol), "Symbol not found.");
                break;

            case ServerReflectionRequest.MessageRequestOneofCase.FileContainingExtension:
                var extension = request.FileContainingExtension;
                SetFile(response, index, index.FindFileContainingExtension(extension.ContainingType, extension.ExtensionNumber), "Extension not found.");
                break;

            case ServerReflectionRequest.MessageRequestOneofCase.AllExtensionNumbersOfType:
                var numbers = index.FindExtensionNumbers(request.AllExtensionNumbersOfType);
                if (numbers is null)
                {
                    SetError(response, StatusCode.NotFound, "Type not found.");
                }
                else
                {
                    response.AllExtensionNumbersResponse = new ExtensionNumberResponse
                    {
                        BaseTypeName = request.AllExtensionNumbersOfType,
                        ExtensionNumber = { numbers },
                    };
                }

                break;

            default:
                SetError(response, StatusCode.InvalidArgument, "The request names no reflection query.");
                break;
        }

        return response;
    }

    private static void SetFile(ServerReflectionResponse response, ReflectionIndex index, Google.Protobuf.Reflection.FileDescriptor? file, string notFound)
    {
        if (file is null)
        {
            SetError(response, StatusCode.NotFound, notFound);
            return;
        }

        response.FileDescriptorResponse = new FileDescriptorResponse { FileDescriptorProto = { index.GetFileWithDependencies(file) } };
    }

    private static void SetError(ServerReflectionResponse response, StatusCode code, string message) =>
        response.ErrorResponse = new ErrorResponse { ErrorCode = (int)code, ErrorMessage = message };
}
