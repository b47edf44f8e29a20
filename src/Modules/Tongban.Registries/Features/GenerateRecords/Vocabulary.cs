namespace Tongban.Registries.Features.GenerateRecords;

/// <summary>Words the generator draws from: common surnames roughly by frequency, given-name characters, trades.</summary>
internal static class Vocabulary
{
    /// <summary>The hundred most common surnames, most common first (drawn with a falling weight).</summary>
    public static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗",
        "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧", "程", "曹", "袁", "邓", "许", "傅", "沈", "曾", "彭", "吕",
        "苏", "卢", "蒋", "蔡", "贾", "丁", "魏", "薛", "叶", "阎", "余", "潘", "杜", "戴", "夏", "钟", "汪", "田", "任", "姜",
        "范", "方", "石", "姚", "谭", "廖", "邹", "熊", "金", "陆", "郝", "孔", "白", "崔", "康", "毛", "邱", "秦", "江", "史",
        "顾", "侯", "邵", "孟", "龙", "万", "段", "雷", "钱", "汤", "尹", "黎", "易", "常", "武", "乔", "贺", "赖", "龚", "关",
    ];

    public static readonly string[] MaleCharacters =
    [
        "伟", "强", "磊", "军", "勇", "杰", "涛", "明", "超", "刚", "平", "辉", "鹏", "华", "飞", "鑫", "波", "斌", "宇", "浩",
        "凯", "健", "俊", "帆", "帅", "旭", "宁", "龙", "林", "建", "国", "海", "东", "志", "文", "德", "成", "峰", "亮", "博",
        "振", "春", "晨", "阳", "铁", "庆", "福", "忠", "长", "宝",
    ];

    public static readonly string[] FemaleCharacters =
    [
        "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "秀", "玲", "桂", "英", "华", "红", "梅", "兰", "燕", "萍", "雪", "琳",
        "婷", "颖", "倩", "佳", "欣", "悦", "晶", "莹", "丹", "慧", "淑", "凤", "洁", "月", "春", "云", "蕾", "薇", "琪", "雅",
    ];

    /// <summary>Ethnic groups of the region with their weight per thousand: mostly Han, then Manchu, Mongol, Hui, Korean, Xibe.</summary>
    public static readonly (string Name, int Weight)[] Ethnicities = [("汉族", 838), ("满族", 130), ("蒙古族", 13), ("回族", 9), ("朝鲜族", 6), ("锡伯族", 4)];

    public static readonly string[] Roads =
    [
        "人民路", "建设街", "解放路", "新华街", "中央大街", "文化路", "光明街", "胜利路", "和平街", "工人街", "站前街", "北京路", "长江路", "民主街", "兴工街",
    ];

    public static readonly string[] TradeNames =
    [
        "鑫源", "宏达", "兴业", "恒泰", "盛华", "金诺", "瑞丰", "龙腾", "华美", "顺通", "永鑫", "众合", "天成", "佳和", "嘉禾", "中泽", "博远", "丰源", "润达", "益民",
        "福满", "昌盛", "广源", "利达", "鸿运", "新世纪", "辽北", "金穗", "东升", "聚德",
    ];

    /// <summary>Trades with a business scope each.</summary>
    public static readonly (string Trade, string Scope)[] Trades =
    [
        ("商贸", "日用百货、五金交电、建筑材料、农副产品销售；货物进出口"),
        ("建筑工程", "房屋建筑工程、市政公用工程施工；建筑劳务分包"),
        ("农业科技", "农业技术开发、技术咨询、技术服务；化肥、农药（不含危险化学品）销售"),
        ("餐饮管理", "餐饮服务；餐饮管理；食品销售"),
        ("物流", "普通货物道路运输；仓储服务（不含危险品）；装卸搬运"),
        ("信息技术", "软件开发；信息系统集成服务；计算机及办公设备销售"),
        ("房地产开发", "房地产开发经营；物业管理；房屋租赁"),
        ("装饰工程", "室内外装饰装修工程设计、施工；建筑材料销售"),
        ("汽车销售", "汽车及零配件销售；二手车经纪；汽车维修"),
        ("食品", "粮食收购；食品生产、加工、销售"),
        ("机械制造", "通用机械设备制造、销售、维修"),
        ("医药", "药品零售；医疗器械销售；保健食品销售"),
    ];

    public static readonly string[] Shops = ["便利店", "超市", "饭店", "理发店", "五金商店", "农资商店", "烧烤店", "药店", "修理部", "服装店"];

    public static readonly string[] Crops = ["玉米种植", "水稻种植", "大豆种植", "蔬菜种植", "食用菌种植", "生猪养殖", "肉牛养殖", "花生种植"];

    public static readonly string[] Landmarks = ["村民委员会", "文化广场", "卫生室", "小学", "幼儿园", "桥", "卫生院", "派出所", "敬老院", "粮库"];

    public static readonly (string Reason, bool Entity)[] RedReasons =
    [
        ("纳税信用A级纳税人", true), ("守合同重信用企业", true), ("海关高级认证企业", true), ("优秀青年志愿者", false), ("道德模范", false), ("无偿献血奉献奖", false),
    ];

    public static readonly (string Reason, bool Entity)[] BlackReasons =
    [
        ("重大税收违法失信主体", true), ("拖欠农民工工资失信联合惩戒对象", true), ("严重违法失信企业（未按规定公示年度报告）", true),
        ("失信被执行人（有履行能力而拒不履行生效法律文书确定的义务）", false), ("严重违法超限超载运输当事人", false),
    ];
}
