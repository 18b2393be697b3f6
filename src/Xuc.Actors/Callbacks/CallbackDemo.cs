namespace Xuc.Actors.Callbacks;

/// <summary>The demo's callbacks, seeded with the demo configuration into an empty store: two periods, a list of queue sales with three requests due today.</summary>
public static class CallbackDemo
{
    public static async Task SeedAsync(CallbackStore store, IReadOnlySet<int> queueIds)
    {
        if ((await store.ListsAsync()).Count > 0 || !queueIds.Contains(1)) return;
        await store.UpsertPeriodAsync(new PreferredPeriod(CallbackStore.NewUuid(), "Morning", "09:00:00", "12:00:00", true));
        await store.UpsertPeriodAsync(new PreferredPeriod(CallbackStore.NewUuid(), "Afternoon", "14:00:00", "17:00:00", false));
        var list = new CallbackList(CallbackStore.NewUuid(), "Sales callbacks", 1);
        await store.UpsertListAsync(list, queueIds);
        await store.AddRequestsAsync(list.Uuid,
        [
            new CallbackRequest { PhoneNumber = "0230210082", MobilePhoneNumber = "0789654123", FirstName = "Alice", LastName = "O'Neill", Company = "YourSociety", DueDate = store.Today },
            new CallbackRequest { PhoneNumber = "0145678901", FirstName = "Bruno", LastName = "Lefèvre", Company = "Lefèvre SARL", Description = "quote for 20 seats", DueDate = store.Today },
            new CallbackRequest { MobilePhoneNumber = "0611223344", FirstName = "Chloé", LastName = "Durand", DueDate = store.Today },
        ]);
    }
}
