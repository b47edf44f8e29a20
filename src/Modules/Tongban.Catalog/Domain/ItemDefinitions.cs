using Tongban.Kernel.Errors;
using Tongban.Kernel.Forms;

namespace Tongban.Catalog.Domain;

/// <summary>The checks of what an application stands on: material keys and the handling process.</summary>
internal static class ItemDefinitions
{
    public static IEnumerable<DomainError> CheckMaterialKeys(ItemElements elements)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < elements.Materials.Count; i++)
        {
            var key = elements.MaterialKey(i);
            if (!FormDefinition.IsWellFormedKey(key))
                yield return new("item.material_key", $"第{i + 1}项材料的代码“{key}”应以小写字母开头，只含小写字母、数字和下划线",
                    $"Material {i + 1}: the key '{key}' starts with a lower-case letter and has only lower-case letters, digits and '_'", Field: "materials");
            else if (!seen.Add(key))
                yield return new("item.material_key_duplicate", $"第{i + 1}项材料的代码“{key}”与前面的材料重复",
                    $"Material {i + 1}: the key '{key}' is used by an earlier material", Field: "materials");
        }
    }

    public static IEnumerable<DomainError> CheckProcess(IReadOnlyList<HandlingStep> process)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < process.Count; i++)
        {
            var step = process[i];
            DomainError Fault(string code, string zh, string en) => new(code, $"办理环节第{i + 1}步：{zh}", $"Handling step {i + 1}: {en}", Field: "process");
            if (!FormDefinition.IsWellFormedKey(step.Key))
                yield return Fault("item.step_key", "代码应以小写字母开头，只含小写字母、数字和下划线", "the key starts with a lower-case letter and has only lower-case letters, digits and '_'");
            else if (!seen.Add(step.Key))
                yield return Fault("item.step_key_duplicate", $"代码“{step.Key}”与前面的环节重复", $"the key '{step.Key}' is used by an earlier step");
            if (string.IsNullOrWhiteSpace(step.NameZh) || string.IsNullOrWhiteSpace(step.NameEn))
                yield return Fault("item.step_name", "需要中文和英文名称", "needs a Chinese and an English name");
            if (!HandlingStep.Roles.Contains(step.Role ?? ""))
                yield return Fault("item.step_role", $"角色“{step.Role}”不能办理环节（可选：{string.Join("、", HandlingStep.Roles)}）",
                    $"the role '{step.Role}' cannot handle a step (one of: {string.Join(", ", HandlingStep.Roles)})");
        }
    }
}
