using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Tongban.Kernel.PersonalData;

/// <summary>
/// Refuses, when a query is compiled, a comparison of a sealed property with a value (<c>a.IdNumber == x</c>,
/// <c>list.Contains(a.IdNumber)</c>, <c>a.PhoneNumber.StartsWith(…)</c>). Such a query would compare ciphertexts and
/// silently find nothing; the error names the property and the way that works (<see cref="PersonalDataModel.WhereMatches"/>).
/// Reading the property (a projection) is fine.
/// </summary>
internal sealed class PersonalDataQueryGuard : IQueryExpressionInterceptor
{
    public static readonly PersonalDataQueryGuard Instance = new();

    private static readonly HashSet<string> Comparisons = ["Contains", "StartsWith", "EndsWith", "Equals", "Like", "Compare", "CompareTo"];

    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData)
    {
        new Finder(eventData.Context?.Model).Visit(queryExpression);
        return queryExpression;
    }

    private sealed class Finder(IModel? model) : ExpressionVisitor
    {
        protected override Expression VisitBinary(BinaryExpression node)
        {
            if (node.NodeType is ExpressionType.Equal or ExpressionType.NotEqual or ExpressionType.GreaterThan or ExpressionType.LessThan)
                Refuse(node.Left, node.Right);
            return base.VisitBinary(node);
        }

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (Comparisons.Contains(node.Method.Name)) Refuse([node.Object, .. node.Arguments]);
            return base.VisitMethodCall(node);
        }

        private void Refuse(params Expression?[] operands)
        {
            foreach (var operand in operands)
            {
                var member = Strip(operand) as MemberExpression;
                if (member?.Expression is null || model?.FindEntityType(member.Expression.Type)?.FindProperty(member.Member.Name) is not { } property) continue;
                if (PersonalDataModel.IsPersonalData(property))
                    throw new InvalidOperationException(
                        $"{member.Expression.Type.Name}.{member.Member.Name} is sealed at rest: compare it through its blind index " +
                        $"(set.WhereMatches(x => x.{member.Member.Name}, value)), never with == or a string function, which would find nothing.");
            }
        }

        private static Expression? Strip(Expression? e) => e is UnaryExpression { NodeType: ExpressionType.Convert } u ? Strip(u.Operand) : e;
    }
}
