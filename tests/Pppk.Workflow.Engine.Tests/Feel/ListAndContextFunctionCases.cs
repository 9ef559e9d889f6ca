namespace Pppk.Workflow.Engine.Tests.Feel;

public class FeelListAndContextFunctionCases
{
    public static TheoryData<string, string> Lists => FeelCaseTable.Parse("""
        list contains([1, 2, 3], 2) ==> true
        list contains([1, 2, 3], 4) ==> false
        list contains([1, null], null) ==> true
        list contains(null, 1) ==> null
        list contains(employees.unit, "BKD") ==> true
        count([1, 2, 3]) ==> 3
        count([]) ==> 0
        count([1, [2, 3]]) ==> 2
        count(employees) ==> 3
        min([1, 2, 3]) ==> 1
        min(1, 2, 3) ==> 1
        min([]) ==> null
        min(1) ==> 1
        max(1, 2, 3) ==> 3
        max([]) ==> null
        max(["a", "c", "b"]) ==> "c"
        min([date("2025-01-02"), date("2025-01-01")]) ==> date("2025-01-01")
        max([1, "a"]) ==> null
        min(xs) ==> 1
        max(employees.score) ==> 90
        sum([1, 2, 3]) ==> 6
        sum(1, 2, 3) ==> 6
        sum([]) ==> null
        sum([1, "a"]) ==> null
        sum(1) ==> 1
        sum(employees.score) ==> 242
        mean([1, 2, 3]) ==> 2
        mean(1, 2, 3) ==> 2
        mean(1) ==> 1
        mean([]) ==> null
        mean([1, "a"]) ==> null
        decimal(mean(employees.score), 2) ==> 80.67
        median(8, 2, 5, 3, 4) ==> 4
        median([6, 1, 2, 3]) ==> 2.5
        median([]) ==> null
        decimal(stddev(2, 4, 7, 5), 4) ==> 2.0817
        stddev([47]) ==> null
        mode(6, 3, 9, 6, 6) ==> [6]
        mode([6, 1, 9, 6, 1]) ==> [1, 6]
        mode([]) ==> []
        product([2, 3, 4]) ==> 24
        product(2, 3, 4) ==> 24
        product([]) ==> null
        all([false, null, true]) ==> false
        all(true) ==> true
        all([true]) ==> true
        all([]) ==> true
        all(0) ==> null
        all([true, null]) ==> null
        all(true, true) ==> true
        any([false, null, true]) ==> true
        any(false) ==> false
        any([]) ==> false
        any(0) ==> null
        any([false, null]) ==> null
        any([false, false]) ==> false
        any(for e in employees return e.score > 85) ==> true
        sublist([4, 5, 6], 1, 2) ==> [4, 5]
        sublist([4, 5, 6], -2) ==> [5, 6]
        sublist([4, 5, 6], 2) ==> [5, 6]
        sublist([4, 5, 6], 4) ==> null
        sublist([4, 5, 6], 0) ==> null
        append([1], 2, 3) ==> [1, 2, 3]
        append([], 1) ==> [1]
        append([1], [2]) ==> [1, [2]]
        append(1, 2) ==> null
        concatenate([1, 2], [3]) ==> [1, 2, 3]
        concatenate([], []) ==> []
        concatenate([1], 2) ==> null
        insert before([1, 3], 1, 2) ==> [2, 1, 3]
        insert before([1, 3], 2, 2) ==> [1, 2, 3]
        insert before([1, 3], -1, 2) ==> [1, 2, 3]
        insert before([1, 3], 3, 2) ==> null
        remove([1, 2, 3], 2) ==> [1, 3]
        remove([1, 2, 3], -1) ==> [1, 2]
        remove([1], 2) ==> null
        reverse([1, 2, 3]) ==> [3, 2, 1]
        reverse([]) ==> []
        index of([1, 2, 3, 2], 2) ==> [2, 4]
        index of([1], 5) ==> []
        union([1, 2], [2, 3]) ==> [1, 2, 3]
        union([1, 1], []) ==> [1]
        distinct values([1, 2, 3, 2, 1]) ==> [1, 2, 3]
        distinct values([[1], [1]]) ==> [[1]]
        distinct values(employees.unit) ==> ["Dinas Kesehatan", "BKD"]
        flatten([[1, 2], [[3]], 4]) ==> [1, 2, 3, 4]
        flatten([]) ==> []
        sort([3, 1, 2]) ==> [1, 2, 3]
        sort(list: [3, 1, 4, 5, 2], precedes: function(x, y) x < y) ==> [1, 2, 3, 4, 5]
        sort([3, 1, 2], function(x, y) x > y) ==> [3, 2, 1]
        sort(words) ==> ["a", "b", "c"]
        sort([1, "a"]) ==> null
        sort(employees, function(a, b) a.score > b.score).name ==> ["Ani", "Citra", "Budi"]
        sort([]) ==> []
        """);

    public static TheoryData<string, string> Contexts => FeelCaseTable.Parse("""
        get value({a: 1}, "a") ==> 1
        get value({a: 1}, "b") ==> null
        get value(person, ["address", "city"]) ==> "Makassar"
        get value(1, "a") ==> null
        get value(m: person, key: "age") ==> 34
        get entries({a: 1, b: 2}) ==> [{key: "a", value: 1}, {key: "b", value: 2}]
        get entries({}) ==> []
        get entries(1) ==> null
        context put({x: 1}, "y", 2) ==> {x: 1, y: 2}
        context put({x: 1}, "x", 3) ==> {x: 3}
        context put({x: 1, y: {z: 0}}, ["y", "z"], 2) ==> {x: 1, y: {z: 2}}
        context put({x: 1}, 1, 2) ==> null
        context merge([{x: 1}, {y: 2}]) ==> {x: 1, y: 2}
        context merge([{x: 1}, {x: 2}]) ==> {x: 2}
        context merge([{x: 1}, 2]) ==> null
        context([{key: "a", value: 1}, {key: "b", value: 2}]) ==> {a: 1, b: 2}
        context([{key: "a", value: 1}, {key: "a", value: 2}]) ==> null
        {a: 1, b: {c: a + 1}}.b.c ==> 2
        {total: sum(xs), avg: total / count(xs)}.avg ==> 3
        """);

    [Theory]
    [MemberData(nameof(Lists))]
    public void List_functions(string expression, string expected) => Assert.Equal(expected, FeelTestHost.Render(expression));

    [Theory]
    [MemberData(nameof(Contexts))]
    public void Context_functions(string expression, string expected) => Assert.Equal(expected, FeelTestHost.Render(expression));
}
