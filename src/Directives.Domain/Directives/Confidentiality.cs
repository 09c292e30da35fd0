namespace Directives.Domain.Directives;

/// <summary>Độ mật: the state-secret grade printed on a document.</summary>
public enum Confidentiality
{
    /// <summary>Not classified.</summary>
    Normal = 1,

    /// <summary>Mật: confidential.</summary>
    Mat = 2,

    /// <summary>Tối mật: secret.</summary>
    ToiMat = 3,

    /// <summary>Tuyệt mật: top secret.</summary>
    TuyetMat = 4,
}
