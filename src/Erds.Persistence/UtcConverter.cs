using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Erds.Persistence;

// Writes the same instant with offset zero; reads are left as the provider returns them (UTC).
internal sealed class UtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
    value => value.ToUniversalTime(),
    value => value);
