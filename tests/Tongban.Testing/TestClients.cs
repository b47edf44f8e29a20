namespace Tongban.Testing;

/// <summary>Department systems the test host lets fetch tokens (client credentials), one department each, from the demo region.</summary>
public static class TestClients
{
    public static readonly IReadOnlyList<(string ClientId, string Secret, string Department)> All =
    [
        ("test-social-security", "secret-0", "11211200061416624L"), // 人力资源和社会保障局
        ("test-housing-fund", "secret-1", "12211200031892486P"),    // 住房公积金管理中心
        ("test-civil-affairs", "secret-2", "11211200096593487Q"),   // 民政局
        ("test-healthcare", "secret-3", "11211200096365409Q"),      // 医疗保障局
        ("test-education", "secret-4", "112112000436062482"),       // 教育局
        ("test-science", "secret-5", "11211200088626824C"),         // 科学技术局
    ];
}
