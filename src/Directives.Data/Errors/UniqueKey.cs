namespace Directives.Data.Errors;

/// <summary>Which uniqueness rule a write broke.</summary>
public enum UniqueKey
{
    /// <summary>Another resource has the same id among its siblings: ALREADY_EXISTS.</summary>
    ResourceId,

    /// <summary>Another undeleted directive has the same number and symbol in the same year: ALREADY_EXISTS, DUPLICATE_NUMBER.</summary>
    DirectiveNumber,

    /// <summary>Another undeleted task of the directive has the same number: ALREADY_EXISTS, DUPLICATE_NUMBER.</summary>
    TaskNumber,

    /// <summary>A concurrent Create with the same request_id committed first: read its record and answer as for a retry.</summary>
    RequestId,

    /// <summary>Any other key, for example a Guid id created twice.</summary>
    Other,
}
