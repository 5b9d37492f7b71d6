namespace Erds.Persistence;

// The party who caused a delivery event, as evidence states it: how, when and at which level of
// assurance they authenticated.
public sealed record DeliveryActor(string AuthenticationMethod, DateTimeOffset AuthenticationTime, string AssuranceLevel);
