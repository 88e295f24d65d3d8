using CrmSaaS.Storage;

namespace CrmSaaS.Functions.Platform;

/// <summary>Who/when stamps on every record, from the request context.</summary>
public static class Stamps
{
    public static TableEntity StampCreated(this TableEntity entity, RequestContext context, DateTimeOffset now)
    {
        entity["CreatedAt"] = now;
        entity["CreatedBy"] = context.Actor;
        entity["CreatedById"] = context.UserId ?? "";
        return entity.StampUpdated(context, now);
    }

    public static TableEntity StampUpdated(this TableEntity entity, RequestContext context, DateTimeOffset now)
    {
        entity["UpdatedAt"] = now;
        entity["UpdatedBy"] = context.Actor;
        entity["UpdatedById"] = context.UserId ?? "";
        return entity;
    }
}
