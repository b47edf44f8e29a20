namespace Tongban.Notifications.Domain;

internal static class DeliveryTexts
{
    public static (string Chinese, string English) Status(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Sent => ("已发送", "Sent"),
        DeliveryStatus.Failed => ("失败", "Failed"),
        _ => ("未发送", "Skipped"),
    };
}
