namespace Erds.Persistence.Entities;

// eIDAS levels of assurance (Implementing Regulation 2015/1502) as the eIDAS SAML profile names them.
public static class AssuranceLevels
{
    public const string Low = "http://eidas.europa.eu/LoA/low";
    public const string Substantial = "http://eidas.europa.eu/LoA/substantial";
    public const string High = "http://eidas.europa.eu/LoA/high";

    public static readonly IReadOnlyList<string> All = [Low, Substantial, High];
}
